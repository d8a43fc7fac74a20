"""`python -m claimreview.cli`: the same as the `claimreview` script."""

from claimreview.cli import main

main()
