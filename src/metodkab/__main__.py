from metodkab.cli import main

if __name__ == "__main__":      # a spawned reading process imports this module as well
    raise SystemExit(main())
