"""`python -m notice_check` runs the same CLI as the `notice-check` console script."""

from notice_check.cli.app import main

if __name__ == "__main__":
    main()
