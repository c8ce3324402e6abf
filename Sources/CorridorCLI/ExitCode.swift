/// The exit statuses of `corridor`, fixed and documented (README, "Exit codes"); they
/// follow BSD `sysexits.h` where one applies.
public enum ExitCode {
    /// Success.
    public static let success: Int32 = 0
    /// Findings (for example unmet goals with `--check`) or a failure while running.
    public static let failure: Int32 = 1
    /// The command line is wrong: unknown command or flag, missing value (`EX_USAGE`).
    public static let usage: Int32 = 64
    /// An input file is wrong: unreadable, malformed, inconsistent (`EX_DATAERR`).
    public static let dataError: Int32 = 65
}
