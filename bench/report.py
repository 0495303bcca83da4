"""Turns the tasks' raw figures into the report: one summary per size, and a table."""


def _scipy_agreement(recomputed: dict, scipy: dict) -> tuple[int, int]:
    """(users whose sampled scipy list equals the engine's, users compared): ids and scores."""
    same = total = 0
    for role, direction in (("mentee", "forward"), ("mentor", "reverse")):
        for uid, entries in scipy[direction]["lists"].items():
            total += 1
            same += [[e[0], e[1]] for e in recomputed[role][uid]] == [list(e) for e in entries]
    return same, total


def summarise(size: int, raw: dict) -> dict:
    rec, qry, base = raw["recompute"], raw["queries"], raw["baselines"]
    pairs = rec["mentees"] * rec["available_mentors"]
    agree, compared = _scipy_agreement(rec["lists"], base["scipy"])
    checks = qry["checks"]
    return {
        "size": size,
        "mentees": rec["mentees"],
        "available_mentors": rec["available_mentors"],
        "recompute_seconds": rec["seconds"],
        "engine_seconds": rec["engine_seconds"],
        "materialise_seconds": rec["materialise_seconds"],
        "kernel_seconds": rec["kernel_seconds"],
        "jit_warmup_seconds": rec["jit_warmup_seconds"],
        "peak_rss_mb": rec["peak_rss_mb"],
        "rss_before_recompute_mb": rec["rss_before_mb"],
        "pairs_per_second": pairs / rec["engine_seconds"],
        "list_entries": rec["entries"],
        "index_mb": rec["index_bytes"] / 1e6,
        "index_load_seconds": qry["load_seconds"],
        "latency": qry["latency"],
        "api_loaded_heavy_modules": qry["heavy_modules_loaded"],
        "topn_seconds": base["topn_seconds"],
        "topn_measured_fraction": base["topn_fraction"],
        "topn_threads": base["topn_threads"],
        "scipy_seconds_estimate": base["scipy_seconds"],
        "scipy_sampled_queries": {k: v["sampled"] for k, v in base["scipy"].items()},
        "engine_cpu_seconds": rec["engine_cpu_seconds"],
        "recompute_cpu_seconds": rec["cpu_seconds"],
        "topn_cpu_seconds": base["topn_cpu_seconds"],
        "ratio_engine_vs_topn": rec["engine_seconds"] / base["topn_seconds"],
        "ratio_engine_vs_topn_cpu": rec["engine_cpu_seconds"] / base["topn_cpu_seconds"],
        "ratio_kernel_vs_topn": rec["kernel_seconds"] / base["topn_seconds"],
        "ratio_recompute_vs_topn": rec["seconds"] / base["topn_seconds"],
        "speedup_vs_scipy": base["scipy_seconds"] / rec["engine_seconds"],
        "reference_check": checks,
        "scipy_agreement": {"same": agree, "compared": compared},
    }


def _line(row: dict) -> list[str]:
    lat = row["latency"]
    checks = row["reference_check"]
    topn = f"{row['topn_seconds']:.1f}" + ("*" if row["topn_measured_fraction"] < 1 else "")
    return [
        f"{row['size']:,}", f"{row['mentees']:,}x{row['available_mentors']:,}",
        f"{row['engine_seconds']:.1f}", f"{row['recompute_seconds']:.1f}", f"{row['peak_rss_mb']:.0f}",
        f"{row['pairs_per_second'] / 1e6:,.0f}M",
        f"{lat['forward']['p50_ms']:.1f}/{lat['forward']['p95_ms']:.1f}",
        f"{lat['reverse']['p50_ms']:.1f}/{lat['reverse']['p95_ms']:.1f}",
        f"{lat['gaining']['p50_ms']:.1f}/{lat['gaining']['p95_ms']:.1f}",
        topn, f"{row['ratio_engine_vs_topn']:.2f} ({row['ratio_engine_vs_topn_cpu']:.2f})",
        f"{row['ratio_kernel_vs_topn']:.2f}", f"{row['ratio_recompute_vs_topn']:.2f}",
        f"{row['scipy_seconds_estimate']:.0f}~", f"{row['speedup_vs_scipy']:.0f}x",
        f"{checks['recompute']}+{checks['queries']}/{2 * checks['checked']}",
        f"{row['scipy_agreement']['same']}/{row['scipy_agreement']['compared']}",
    ]


HEADERS = ["size", "mentees x mentors", "engine s", "lists s", "peak MB", "pairs/s", "fwd p50/p95 ms",
           "rev p50/p95 ms", "gain p50/p95 ms", "topn s", "engine/topn (cpu)", "kernel/topn", "lists/topn", "scipy s",
           "vs scipy", "reference ok", "scipy ok"]
NOTES = (
    "engine s: snapshot + numba passes (exact ranked arrays); lists s: compute_all_lists consumed in full, "
    "with every Match built in Python.\n"
    "engine/topn: wall-clock ratio, and in brackets the CPU-time ratio (robust to other load on the machine); "
    "kernel/topn: without the snapshot build (input conversion, like the CSR build topn is not timed for).\n"
    "topn s: sparse_dot_topn skills-only top-20 (* = timed on a random share of mentee rows, scaled up); "
    "scipy s (~): scipy blocked exact score, timed on random blocks and extrapolated.\n"
    "reference ok: sampled users whose recomputed list + index query equal the plain reference; "
    "scipy ok: sampled scipy lists equal to the engine's."
)


def table(rows: list[dict]) -> str:
    lines = [HEADERS] + [_line(row) for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    text = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    return "\n".join([text[0], "-" * len(text[0]), *text[1:], NOTES])
