from sidelight.cli import main

raise SystemExit(main())
