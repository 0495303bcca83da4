"""Store the parse tables of checkov's JSONPath parsers in checkov's own virtual environment.

Run with checkov's Python (`make test` does, once after installing checkov):
`.tools/checkov/bin/python infra/checkov_parse_tables.py`.

checkov renders CloudFormation values through `bc_jsonpath_ng`, whose parser asks PLY for its LALR
table with `write_tables=0` on every parse, so PLY derives the whole table again each time (about
23 ms a parse): on the packaged template, half of checkov's 10 s. PLY first looks for the table as a
module beside the parser and uses it when its grammar signature matches, so writing that module once
is enough: the same findings, in about half the time (measured 2026-12-02: 10.0 s against 4.9 s
wall, 64 findings each). A table whose grammar no longer matches is ignored by PLY, which then
derives it as before; without `bc_jsonpath_ng` there is nothing to store.
"""

import importlib
import os
import sys

TABLE_MODULE = "parser_jsonpath_parsetab"  # the name bc_jsonpath_ng's parse_token_stream asks PLY for
PARSERS = (("bc_jsonpath_ng.parser", "JsonPathParser"), ("bc_jsonpath_ng.ext.parser", "ExtentedJsonPathParser"))


def main() -> int:
    try:
        import ply.yacc
    except ImportError:
        print("checkov's environment has no PLY: no parse tables to store")
        return 0
    for module_name, class_name in PARSERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            print(f"checkov's environment has no {module_name}: no parse table to store for it")
            continue
        folder = os.path.dirname(module.__file__ or "")
        # The arguments bc_jsonpath_ng passes, but writing the table into the parser's own package,
        # where PLY looks for it (`<package>.parser_jsonpath_parsetab`).
        ply.yacc.yacc(module=getattr(module, class_name)(), tabmodule=TABLE_MODULE, outputdir=folder,
                      write_tables=True, start="jsonpath", debug=False)
        print(f"stored {module_name}'s parse table in {os.path.join(folder, TABLE_MODULE)}.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
