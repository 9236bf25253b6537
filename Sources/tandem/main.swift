// The `tandem` command: a thin front end over TandemCore (see TandemCommand.swift).
TandemCommand.main()
