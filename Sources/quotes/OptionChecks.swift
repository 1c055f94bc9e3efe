import ArgumentParser

/// Checks of numeric options that ArgumentParser parses but does not bound.
///
/// A count below its least meaningful value was taken silently before (`--batch 0` and
/// `--jobs 0` ran as 1, `speakers --limit=-1` listed everyone); now it is a usage error that
/// quotes the value.
enum OptionChecks {
    /// Throws unless `value` (when given) is at least `minimum`.
    static func atLeast(_ minimum: Int, _ value: Int?, option: String) throws {
        guard let value, value < minimum else { return }
        throw ValidationError("\(option) must be at least \(minimum), not \(value)")
    }
}
