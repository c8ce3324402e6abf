import Foundation

/// Reading an input file whole, with the diagnostics every reader shares: no such file,
/// a folder where a file was expected, a file that cannot be read.
enum InputFile {
    /// The bytes of the file at `path`.
    static func bytes(at path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw Diagnostic(file: path, message: "is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
