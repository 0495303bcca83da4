import sys

from mentor_match_admin.cli import main

sys.exit(main())
