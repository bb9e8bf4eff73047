from hailuo_desktop.cli import main

raise SystemExit(main())
