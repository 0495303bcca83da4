"""Turns the tasks' raw figures into the report: one summary per size, and two tables."""


def _scipy_agreement(kept: dict, scipy: dict) -> tuple[int, int]:
    """(users whose sampled scipy list equals the engine's, users compared): ids and scores."""
    same = total = 0
    for role, direction in (("mentee", "forward"), ("mentor", "reverse")):
        for uid, entries in scipy[direction]["lists"].items():
            total += 1
            same += [[e[0], e[1]] for e in kept[role][uid]] == [list(e) for e in entries]
    return same, total


def summarise(size: int, raw: dict) -> dict:
    rec, hour, qry, base = raw["recompute"], raw["hourly"], raw["queries"], raw["baselines"]
    agree, compared = _scipy_agreement(rec["kept"], base["scipy"])
    engine = rec["snapshot_seconds"] + rec["kernel_seconds"]
    engine_cpu = rec["snapshot_cpu_seconds"] + rec["kernel_cpu_seconds"]
    topn, topn_cpu = base["topn_seconds"], base["topn_cpu_seconds"]
    skills = base["skills_only"]
    return {
        "size": size, "mentees": rec["mentees"], "available_mentors": rec["available_mentors"],
        "engine_seconds": engine, "engine_cpu_seconds": engine_cpu,
        "snapshot_seconds": rec["snapshot_seconds"], "kernel_seconds": rec["kernel_seconds"],
        "first_run_seconds": rec["seconds"], "first_run_lists_seconds": rec["lists_seconds"],
        "hourly_seconds": hour["seconds"], "hourly_cpu_seconds": hour["cpu_seconds"],
        "hourly_parts": {name: hour[f"{name}_seconds"] for name in ("snapshot", "kernel", "digests", "lists")},
        "hourly_edited_people": hour["edited_people"], "hourly_lists_changed": hour["lists_changed"],
        "hourly_lists_deleted": hour["lists_deleted"], "hourly_write_units": hour["write_units"],
        "lists": rec["lists"], "list_entries": rec["entries"],
        "candidate_pairs": rec["candidate_pairs"], "scored_pairs": rec["scored_pairs"],
        "pairs_skipped_share": 1 - rec["scored_pairs"] / max(rec["candidate_pairs"], 1),
        "jit_warmup_seconds": rec["jit_warmup_seconds"],
        "peak_rss_mb": rec["peak_rss_mb"], "hourly_peak_rss_mb": hour["peak_rss_mb"],
        "rss_before_recompute_mb": rec["rss_before_mb"],
        "index_mb": rec["index_bytes"] / 1e6, "index_load_seconds": qry["load_seconds"], "latency": qry["latency"],
        "api_loaded_heavy_modules": qry["heavy_modules_loaded"],
        "topn_seconds": topn, "topn_cpu_seconds": topn_cpu, "topn_measured_fraction": base["topn_fraction"],
        "topn_threads": base["topn_threads"],
        "ratio_engine_vs_topn": engine / topn, "ratio_engine_vs_topn_cpu": engine_cpu / topn_cpu,
        "ratio_hourly_vs_topn": hour["seconds"] / topn, "ratio_hourly_vs_topn_cpu": hour["cpu_seconds"] / topn_cpu,
        "ratio_first_run_vs_topn": rec["seconds"] / topn,
        "skills_only_seconds": skills["seconds"], "skills_only_cpu_seconds": skills["cpu_seconds"],
        "ratio_skills_only_vs_topn": skills["seconds"] / topn,
        "ratio_skills_only_vs_topn_cpu": skills["cpu_seconds"] / topn_cpu,
        "skills_only_agreement": {"same": skills["same"], "compared": skills["compared"]},
        "scipy_seconds_estimate": base["scipy_seconds"], "speedup_vs_scipy": base["scipy_seconds"] / engine,
        "scipy_sampled_queries": {k: v["sampled"] for k, v in base["scipy"].items()},
        "reference_check": qry["checks"], "scipy_agreement": {"same": agree, "compared": compared},
    }


def _recompute_line(row: dict) -> list[str]:
    checks = row["reference_check"]
    topn = f"{row['topn_seconds']:.1f}" + ("*" if row["topn_measured_fraction"] < 1 else "")
    return [
        f"{row['size']:,}", f"{row['mentees']:,}x{row['available_mentors']:,}", topn,
        f"{row['engine_seconds']:.1f}", f"{row['ratio_engine_vs_topn']:.2f} ({row['ratio_engine_vs_topn_cpu']:.2f})",
        f"{100 * row['pairs_skipped_share']:.2f}%",
        f"{row['ratio_skills_only_vs_topn']:.2f} ({row['ratio_skills_only_vs_topn_cpu']:.2f})",
        f"{row['hourly_seconds']:.1f}", f"{row['ratio_hourly_vs_topn']:.2f} ({row['ratio_hourly_vs_topn_cpu']:.2f})",
        f"{row['hourly_lists_changed'] + row['hourly_lists_deleted']:,} ({row['hourly_write_units']:,})",
        f"{row['first_run_seconds']:.1f}", f"{row['ratio_first_run_vs_topn']:.2f}",
        f"{row['peak_rss_mb']:.0f}/{row['hourly_peak_rss_mb']:.0f}",
        f"{row['scipy_seconds_estimate']:.0f}~", f"{checks['recompute']}+{checks['queries']}/{2 * checks['checked']}",
        f"{row['scipy_agreement']['same']}/{row['scipy_agreement']['compared']}"
        f" ({row['skills_only_agreement']['same']}/{row['skills_only_agreement']['compared']})",
    ]


def _instant_line(row: dict) -> list[str]:
    lat = row["latency"]
    return [
        f"{row['size']:,}", f"{row['index_mb']:.1f}", f"{row['index_load_seconds']:.3f}",
        *(f"{lat[name]['p50_ms']:.2f}/{lat[name]['p95_ms']:.2f}" for name in ("forward", "reverse", "gaining")),
        ",".join(row["api_loaded_heavy_modules"]) or "none",
    ]


RECOMPUTE_HEADERS = ["size", "mentees x mentors", "topn s", "engine s", "engine/topn (cpu)", "pairs skipped",
                     "skills-only/topn", "hourly s", "hourly/topn (cpu)", "writes/h (WRU)", "first run s", "first/topn", "peak MB",
                     "scipy s", "reference ok", "scipy ok"]
INSTANT_HEADERS = ["size", "index MB", "index load s", "fwd p50/p95 ms", "rev p50/p95 ms", "gain p50/p95 ms",
                   "numba/scipy in API"]
NOTES = (
    "topn s: sparse_dot_topn skills-only top-20 (* = timed on a random share of mentee rows, scaled up).\n"
    "engine s: snapshot build + ranking every list (numba kernel; exact ranked arrays); engine/topn: wall-clock\n"
    "  ratio, in brackets the CPU-time ratio (less sensitive to other load on the machine).\n"
    "pairs skipped: share of (mentee, mentor) pairs inside the grade rule that the kernel's bounds ruled out\n"
    "  without scoring them.\n"
    "skills-only/topn: the same kernel on sparse_dot_topn's problem (every mentee's top 20 by the skills\n"
    "  alone, no mentor lists; the grade rule and excluded pairs kept), against topn: how much of engine/topn\n"
    "  is the kernel and how much the fuller work (three dimensions, mentor lists too).\n"
    "hourly s: the recompute an hour later with 1% of profiles edited, from the first run's stored lists (only\n"
    "  the lists a change can reach are ranked again), up to the changed lists built as Python objects\n"
    "  (snapshot, ranking, digests, comparison, building the changed lists); writes/h: lists to write or\n"
    "  delete, in brackets DynamoDB write units (1 per KB of item).\n"
    "first run s: the same with nothing stored, so every list is ranked and built. peak MB: first run / hourly\n"
    "  process.\n"
    "scipy s (~): scipy blocked exact score, timed on random blocks and extrapolated. reference ok: sampled users\n"
    "  whose recomputed list + index query equal the plain reference; scipy ok: sampled scipy lists equal\n"
    "  (in brackets: the skills-only lists against scipy's skills-only score)."
)


def _table(headers: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in [headers, *lines]) for i in range(len(headers))]
    text = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)) for line in [headers, *lines]]
    return "\n".join([text[0], "-" * len(text[0]), *text[1:]])


def table(rows: list[dict]) -> str:
    return "\n\n".join([
        "Recompute\n" + _table(RECOMPUTE_HEADERS, [_recompute_line(row) for row in rows]),
        "Instant (the API's numpy code)\n" + _table(INSTANT_HEADERS, [_instant_line(row) for row in rows]),
        NOTES,
    ])
