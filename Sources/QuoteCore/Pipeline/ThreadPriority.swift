#if canImport(Glibc)
import Glibc
#endif

/// The scheduling priority (nice value) of the calling thread, which Linux keeps per thread.
///
/// `quotes index` runs its extraction threads a little below the store's single writer thread:
/// the writer is the pipeline's critical path, and with three busy threads on two cores the
/// scheduler otherwise gives each two thirds of a core. Elsewhere (where `setpriority` with
/// `PRIO_PROCESS` would change the whole process) nothing is changed.
public enum ThreadPriority {
    /// The calling thread's nice value (0 where it cannot be read).
    public static var current: Int32 {
        #if os(Linux)
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        return errno == 0 ? value : 0
        #else
        return 0
        #endif
    }

    /// Raises the calling thread's nice value to `niceness` (at most 19) unless it is already at
    /// least that; a hint, so a refusal is ignored.
    public static func lower(to niceness: Int32) {
        #if os(Linux)
        let target = min(niceness, 19)
        guard current < target else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, target)
        #endif
    }
}
