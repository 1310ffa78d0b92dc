from metodkab.cli import main

raise SystemExit(main())
