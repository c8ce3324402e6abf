import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's results go: the ``Console`` (standard output), or a file named with
/// `-o FILE`, written atomically.
///
///     let target = OutputTarget(path: parsed.value("--output"))  // nil or "-" → .console
///     do {
///         try target.write(CSVWriter().document(records), console: console)
///     } catch {
///         console.printError("corridor reach: error: \(error)")
///         return ExitCode.failure
///     }
///
/// Atomic: the text goes to a hidden temporary file in the target's folder
/// (`.NAME.tmp-PID-RANDOM`), which is flushed to disk and then renamed over the target.
/// A rename within one folder is atomic, so the target is at every moment either the
/// old file, intact, or the whole new one; if anything fails the temporary file is
/// removed and nothing half-written is left. A file that is replaced keeps its
/// permissions (not its owner); a symbolic link is followed, and the file it points to
/// replaced. A device or pipe (`-o /dev/null`) is written directly, not atomically.
///
/// Failing to write the output is a failure of the run, not a usage or data error: the
/// command line and the input were fine. Commands print the ``OutputError`` and exit 1
/// (``ExitCode/failure``).
public enum OutputTarget: Sendable, Equatable {
    /// The result stream of the ``Console``.
    case console
    /// A file, by its path as the user gave it.
    case file(String)

    /// The option every command that writes results declares, so they all spell it the
    /// same: `-o, --output FILE`.
    public static let option = Arguments.Option.value(
        "--output", short: "-o", placeholder: "FILE",
        help: "write the results to FILE (- for the terminal)")

    /// The target for an `--output` value: the console when there is none or it is `-`.
    public init(path: String?) {
        if let path, path != "-" { self = .file(path) } else { self = .console }
    }

    /// Writes `text` and a line break, as ``Console/print(_:)`` does, to the target.
    ///
    /// - Throws: ``OutputError`` naming the path when the file cannot be written: its
    ///   folder does not exist or is not a folder, the path is a folder, permission is
    ///   denied, the disk is full. The console cannot fail.
    ///
    /// - Parameter format: the output format; a `csv` file (not the terminal) starts with a
    ///   UTF-8 byte-order mark, which Excel on a Chinese Windows needs to read UTF-8 (it
    ///   guesses GBK otherwise and shows the place names garbled). ``CSV`` and LibreOffice
    ///   skip the mark; a pipe or device (`-o /dev/stdout`) gets none, for the Unix tools
    ///   that do not.
    public func write(_ text: String, console: Console, format: String? = nil) throws(OutputError) {
        switch self {
        case .console:
            console.print(text)
        case .file(let path):
            try Self.writeAtomically(
                Array((text + "\n").utf8), to: path, byteOrderMark: format == "csv")
        }
    }

    /// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
    ///
    /// A symbolic link is followed: the file it points to is replaced and the link kept.
    /// A device or pipe (`-o /dev/null`, a FIFO) has no old contents to protect and
    /// cannot be renamed over, so it is written directly.
    ///
    /// - Parameter beforeRename: called with the temporary file's path once it is
    ///   written and closed, just before the rename; tests throw from it to fail a write
    ///   at its last step.
    /// - Parameter byteOrderMark: whether a file (not a device or pipe) starts with the
    ///   UTF-8 byte-order mark.
    /// - Complexity: O(*n*), *n* the bytes.
    static func writeAtomically(
        _ bytes: [UInt8], to path: String, byteOrderMark: Bool = false,
        beforeRename: (String) throws -> Void = { _ in }
    ) throws(OutputError) {
        func failure(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        guard !path.isEmpty else { throw failure("no file name given") }
        let name = (path as NSString).lastPathComponent
        guard !path.hasSuffix("/"), name != ".", name != ".." else {
            throw failure("it is a folder; name a file")
        }

        // What is there now, following symbolic links.
        var existing = stat()
        let exists = stat(path, &existing) == 0
        var target = path
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR:
                throw failure("it is a folder; name a file")
            case S_IFREG:
                if let resolved = realpath(path, nil) {
                    target = String(cString: resolved)
                    free(resolved)
                }
            default:
                try writeDirectly(bytes, to: path)
                return
            }
        }

        let folder = folder(of: target)
        var status = stat()
        if stat(folder, &status) != 0 {
            let code = errno
            throw failure(code == ENOENT ? "the folder \"\(folder)\" does not exist"
                : code == ENOTDIR ? "\"\(folder)\" is not a folder"
                : "the folder \"\(folder)\": \(Self.reason(code))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw failure("\"\(folder)\" is not a folder")
        }

        // A replaced file keeps its permissions; a new one gets 0666 less the umask.
        let mode: mode_t = exists ? existing.st_mode & 0o777 : 0o666
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((target as NSString).lastPathComponent).tmp-\(getpid())-"
                + String(UInt32.random(in: .min ... .max), radix: 16))
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            throw failure(code == EACCES || code == EPERM ? "no permission to write in the folder \"\(folder)\""
                : code == EROFS ? "the folder \"\(folder)\" is on a read-only file system"
                : Self.reason(code))
        }
        var isOpen = true
        var renamed = false
        defer {
            if isOpen { close(descriptor) }
            if !renamed { unlink(temporary) }
        }
        let mark: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        if let code = writeAll(mark + bytes, to: descriptor) { throw failure(Self.reason(code)) }
        if exists { fchmod(descriptor, mode) }  // the umask may have cleared some bits
        if fsync(descriptor) != 0 { throw failure(Self.reason(errno)) }
        isOpen = false
        if close(descriptor) != 0 { throw failure(Self.reason(errno)) }
        do {
            try beforeRename(temporary)
        } catch {
            throw failure("\(error)")
        }
        if rename(temporary, target) != 0 { throw failure(Self.reason(errno)) }
        renamed = true
    }

    /// Writes `bytes` straight to an existing device or pipe.
    static func writeDirectly(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: reason(errno)) }
        let code = writeAll(bytes, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let failed = code ?? closed { throw OutputError(path: path, reason: reason(failed)) }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes;
    /// returns the `errno` of a failure, or nil.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return nil
    }

    /// `path` as an absolute path, `.`/`..` and symbolic links resolved.
    ///
    /// A path that does not exist yet is resolved through its nearest existing folder
    /// (`link/new.csv`, link a symbolic link to a folder, is that folder's `new.csv`):
    /// `resolvingSymlinksInPath` leaves such a path as it is.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path) && url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath().path
        for part in rest { resolved = (resolved as NSString).appendingPathComponent(part) }
        return resolved
    }

    /// The folder a file `path` is in: `.` for a bare name, `/` for a file at the root.
    ///
    /// Not `NSString.deletingLastPathComponent`: on Linux (swift-corelibs-foundation,
    /// Swift 6.3) it traps on a one-character path (`-o t`).
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        var folder = path[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The system's words for an `errno`, lowercased as our messages are.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// `write(2)`, which the name of ``OutputTarget/write(_:console:)`` hides.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// Output that could not be written: `cannot write "out/reach.csv": the folder "out"
/// does not exist`. Exit status 1 (``ExitCode/failure``).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path, as the user gave it.
    public var path: String
    /// Why, without a final period.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write "PATH": REASON`.
    public var description: String { "cannot write \"\(path)\": \(reason)" }
}
