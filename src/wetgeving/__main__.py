from wetgeving.cli import main

main()
