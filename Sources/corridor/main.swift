import CorridorCLI; import Foundation; exit(Corridor.main(Array(CommandLine.arguments.dropFirst())))
