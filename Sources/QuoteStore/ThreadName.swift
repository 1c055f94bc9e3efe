import Foundation

/// The calling thread's name as the system keeps it (what `top -H` and debuggers show).
///
/// On Linux read from and written to `/proc/thread-self/comm` (Swift does not see glibc's
/// `pthread_setname_np`): Foundation's `Thread.current.name`, set from inside a new thread, read
/// back the process's name instead about one time in four under the thread sanitizer.
enum ThreadName {
    #if os(Linux)
    private static let file = "/proc/thread-self/comm"
    #endif

    /// The calling thread's name (nil where it cannot be read).
    static var current: String? {
        #if os(Linux)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        #else
        return Thread.current.name
        #endif
    }

    /// Names the calling thread; on Linux a name is at most 15 bytes, and a longer one is cut.
    static func set(_ name: String) {
        #if os(Linux)
        let descriptor = open(file, O_WRONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #else
        Thread.current.name = name
        #endif
    }
}
