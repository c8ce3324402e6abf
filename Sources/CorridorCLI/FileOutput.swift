import Foundation

/// The process's standard streams, for the echoing ``Console``.
enum FileOutput {
    case standardError

    func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
