import ArgumentParser
import Foundation
import QuoteCore

/// `quotes bench`: throughput and peak memory of extraction and indexing, on the dev-set text and
/// on worst-case inputs.
///
/// Every case runs this same executable as a child process (`quotes extract` or `quotes index`),
/// so each measurement has its own peak resident memory (the child's `VmHWM`, see `PeakMemory`);
/// the median of `--runs` runs is reported. Use a release build: `swift run -c release quotes bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (MB/s, documents/s) and peak memory of extract and index.",
        discussion: """
        Cases: ICU's sentence breaking alone on the gold documents' texts repeated --repeat \
        times (in this process, one core, timed just before each one-job extraction: the \
        yardstick that run is given as a fraction of, each pair measured on the host at the \
        same speed), extract on those texts (one job and all cores), extract on 100,000 briefs \
        (the texts' first paragraphs, one job), index of the repeated texts into a fresh store, into a store filled with other texts under \
        the same ids (every document replaced), into the store it filled (every document \
        unchanged), index of 25,000 generated short articles with ~30,000 \
        distinct speakers, and extract on generated worst cases: one 50 MB line of quotations, the \
        dev text as one 50 MB line, 100,000 unmatched quotation marks, a 10 MB run-on sentence, \
        quotations nested 200,000 deep, 5 MB of quote-only sentences that each continue the attribution \
        before them, a surname shared by 40,000 people. Timings are wall-clock medians; run on a \
        quiet machine.
        """
    )

    @Option(help: ArgumentHelp("Gold JSONL whose texts are the input.", valueName: "path"))
    var gold: String = "../shared/gold/polnear.dev.jsonl"

    @Option(parsing: .unconditional, help: "How many times the gold texts are repeated.")
    var `repeat`: Int = 20

    @Option(parsing: .unconditional, help: "Runs per case; the median is reported.")
    var runs: Int = 3

    @Option(parsing: .unconditional, help: "Size of the single-line worst case, in MB.")
    var lineMB: Int = 50

    @Flag(help: "Skip the worst-case inputs.")
    var noAdversarial = false

    @Flag(help: ArgumentHelp("Only the worst cases, each at its size and at four times it (the single line at a quarter of --line-mb and at --line-mb), with how much the time grew (4 is linear).",
                             discussion: "The time of a one-line document is taken off both first: start-up does not grow."))
    var scaling = false

    func validate() throws {
        try OptionChecks.atLeast(1, `repeat`, option: "--repeat")
        try OptionChecks.atLeast(1, runs, option: "--runs")
        try OptionChecks.atLeast(1, lineMB, option: "--line-mb")
    }

    func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        if scaling { return try measureScaling(executable, work: work) }
        let input = work.appendingPathComponent("input.jsonl").path
        let texts = try BenchInputs.goldTexts(gold)  // read once: the inputs below all start from it
        let (documents, bytes) = try BenchInputs.repeatedGold(texts, times: `repeat`, to: input)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("quotes bench: \(documents) documents, \(BenchInputs.megabytes(bytes)) MB of text (\(gold) x\(`repeat`)), "
              + "\(cores) cores, median of \(runs) runs")
        print(BenchRow.header)
        // The yardstick (issue 6: "within a small factor of the physical limit"): ICU's sentence
        // breaking alone on the same texts, in this process, timed just before each one-job run.
        // The host's speed moves by up to 70% between runs; a pair's ratio moves less.
        let icu = ICUReference(texts, repeat: `repeat`)
        var referenceRows: [BenchRow] = []
        var oneJob: [BenchRow] = []
        var ratios: [Double] = []
        for _ in 0..<runs {
            let reference = icu.time()
            let row = try ChildProcess.run(executable, ["extract", "--jobs", "1", "--format", "jsonl", input])
            referenceRows.append(reference)
            oneJob.append(row)
            ratios.append((Double(icu.bytes) / reference.seconds) / (Double(bytes) / row.seconds))
        }
        print(BenchRow.median(referenceRows).line("ICU sentence breaks alone", bytes: icu.bytes, documents: icu.documents))
        print(BenchRow.median(oneJob).line("extract, jobs 1", bytes: bytes, documents: documents))
        print(String(format: "  one job at 1/%.1f of ICU's sentence breaking (median of the runs' ratios; 50 MB/s is 1/6-1/7 of its 280-350)",
                     ratios.sorted()[ratios.count / 2]))
        if cores > 1 {
            let row = try measure(executable, ["extract", "--jobs", "\(cores)", "--format", "jsonl", input])
            print(row.line("extract, jobs \(cores)", bytes: bytes, documents: documents))
        }
        // Short items (a wire brief, a feed's lede): what a document costs whatever its length.
        let briefsInput = work.appendingPathComponent("briefs.jsonl").path
        let (briefs, briefBytes) = try BenchInputs.briefs(texts, count: 100_000, to: briefsInput)
        let briefRow = try measure(executable, ["extract", "--jobs", "1", "--format", "jsonl", briefsInput])
        print(briefRow.line("extract briefs, jobs 1", bytes: briefBytes, documents: briefs))
        // The default output, one pretty-printed JSON object, written as documents come.
        let json = try measure(executable, ["extract", "--jobs", "\(cores)", input])
        print(json.line("extract json, jobs \(cores)", bytes: bytes, documents: documents))
        let store = work.appendingPathComponent("bench.sqlite").path
        func removeStore() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        }
        let row = try measure(executable, ["index", "--db", store, input], before: removeStore)
        print(row.line("index, jobs \(cores)", bytes: bytes, documents: documents))
        // What an archive costs on disk: the store the last run left (its log is gone at the close).
        if let size = (try? FileManager.default.attributesOfItem(atPath: store))?[.size] as? Int, bytes > 0 {
            print(String(format: "  store file %.1f MB, %.2f bytes a byte of text", Double(size) / 1e6,
                         Double(size) / Double(bytes)))
        }
        // The same ids with other texts first: every document replaces its earlier copy
        // (quotations and full-text rows deleted in the same transaction).
        let earlier = work.appendingPathComponent("earlier.jsonl").path
        _ = try BenchInputs.repeatedGold(texts, times: `repeat`, to: earlier, edition: "Draft")
        let reindex = try measure(executable, ["index", "--db", store, input], before: {
            removeStore()
            _ = try? ChildProcess.run(executable, ["index", "--db", store, earlier])
        })
        print(reindex.line("re-index, all replaced", bytes: bytes, documents: documents))
        // The same input again into the store it filled: every document is left as it was
        // (extracted, hashed and compared; nothing written).
        let unchanged = try measure(executable, ["index", "--db", store, input], before: {
            removeStore()
            _ = try? ChildProcess.run(executable, ["index", "--db", store, input])
        })
        print(unchanged.line("re-index, all unchanged", bytes: bytes, documents: documents))
        // Many distinct speakers: what grows with an archive is the speaker directory.
        let speakersInput = work.appendingPathComponent("speakers.jsonl").path
        let (speakerDocuments, speakerBytes) = try BenchInputs.manySpeakers(articles: 25_000, to: speakersInput)
        let manySpeakers = try measure(executable, ["index", "--db", store, speakersInput], before: removeStore)
        print(manySpeakers.line("index, 25,000 speaker-rich", bytes: speakerBytes, documents: speakerDocuments))

        guard !noAdversarial else { return }
        for (name, write) in BenchInputs.adversarial(lineMB: lineMB, goldTexts: texts.map(\.text)) {
            let path = work.appendingPathComponent("\(name).txt").path
            let size = try write(path)
            let row = try measure(executable, ["extract", "--format", "jsonl", path])
            print(row.line(name, bytes: size, documents: 1))
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// `--scaling`: each worst case at its size and at four times it (the single line at a
    /// quarter of `lineMB` and at `lineMB`, which is large already).
    private func measureScaling(_ executable: String, work: URL) throws {
        let tiny = work.appendingPathComponent("tiny.txt").path
        try Data("Hello.\n".utf8).write(to: URL(fileURLWithPath: tiny))
        let startup = try measure(executable, ["extract", "--format", "jsonl", tiny]).seconds
        print("quotes bench --scaling: median of \(runs) runs, start-up \(String(format: "%.3f", startup)) s taken off")
        print("case                          MB 1x       s 1x      MB 4x       s 4x   growth   peak RSS MB 1x, 4x")
        let line = max(1, lineMB / 4)
        let texts = (try? BenchInputs.goldTexts(gold).map(\.text)) ?? []
        if texts.isEmpty { print("note: no texts in '\(gold)': the dev-text line is left out") }
        let larger = BenchInputs.adversarial(lineMB: line, scale: 4, goldTexts: texts)
        for (index, (name, write)) in BenchInputs.adversarial(lineMB: line, goldTexts: texts).enumerated() {
            var measured: [(bytes: Int, row: BenchRow)] = []
            for writer in [write, larger[index].1] {
                let path = work.appendingPathComponent("scaling.txt").path
                let bytes = try writer(path)
                measured.append((bytes, try measure(executable, ["extract", "--format", "jsonl", path])))
                try? FileManager.default.removeItem(atPath: path)
            }
            let (small, full) = (measured[0], measured[1])
            // Time per byte at 4x over time per byte at 1x, times 4: 4 when linear.
            let growth = (full.row.seconds - startup) / max(small.row.seconds - startup, 1e-3)
                * 4 * Double(small.bytes) / Double(full.bytes)
            print(String(format: "%@ %9.2f %10.3f %10.2f %10.3f %8.1f %8.0f, %.0f",
                         name.padding(toLength: 26, withPad: " ", startingAt: 0), Double(small.bytes) / 1e6, small.row.seconds,
                         Double(full.bytes) / 1e6, full.row.seconds, growth, Double(small.row.peakKB) / 1024,
                         Double(full.row.peakKB) / 1024))
        }
    }

    /// The median run of `arguments`, by wall time, with that run's peak memory.
    private func measure(_ executable: String, _ arguments: [String], before: () -> Void = {}) throws -> BenchRow {
        var rows: [BenchRow] = []
        for _ in 0..<runs {
            before()
            rows.append(try ChildProcess.run(executable, arguments))
        }
        return BenchRow.median(rows)
    }
}

/// ICU's sentence breaking (`SentenceSplitter.icuSentenceCount`) alone over the bench's texts
/// `repeat` times, in the bench's own process and on one core: the yardstick of `quotes bench`.
struct ICUReference {
    /// The texts as UTF-16, made once (ICU breaks UTF-16; making it is not timed).
    private let units: [[UInt16]]
    private let passes: Int
    /// The UTF-8 bytes and the documents one timing breaks.
    let bytes: Int
    let documents: Int

    init(_ texts: [(id: String, text: String)], repeat passes: Int) {
        units = texts.map { Array($0.text.utf16) }
        self.passes = passes
        bytes = texts.reduce(0) { $0 + $1.text.utf8.count } * passes
        documents = texts.count * passes
    }

    /// One timing; the status is 1 when ICU found no sentence at all (it failed).
    func time() -> BenchRow {
        var sentences = 0
        let started = Date()
        for _ in 0..<passes {
            for text in units { sentences &+= text.withUnsafeBufferPointer { SentenceSplitter.icuSentenceCount($0) } }
        }
        return BenchRow(seconds: Date().timeIntervalSince(started), peakKB: -1, status: sentences > 0 ? 0 : 1)
    }
}

/// One measured run: wall time, peak resident memory and exit status of a child process.
struct BenchRow {
    var seconds: Double
    /// Negative for a case run in the bench's own process (shown as "-").
    var peakKB: Int
    var status: Int32

    static let header = "case                          MB      docs   median s     MB/s    docs/s  peak RSS MB"

    /// The row of median time.
    static func median(_ rows: [BenchRow]) -> BenchRow {
        rows.sorted { $0.seconds < $1.seconds }[rows.count / 2]
    }

    func line(_ name: String, bytes: Int, documents: Int) -> String {
        let mb = Double(bytes) / 1e6
        let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
        var text = String(format: "%@ %7.1f %9d %10.2f %8.1f %9.0f", padded, mb, documents, seconds,
                          mb / max(seconds, 1e-6), Double(documents) / max(seconds, 1e-6))
        text += peakKB < 0 ? "            -" : String(format: " %12.0f", Double(peakKB) / 1024)
        if status != 0 { text += "  (exit \(status))" }
        return text
    }
}

/// The peak resident memory of this process's own image, for `quotes bench`.
///
/// `wait4`'s `ru_maxrss` counts the parent's memory for a child started with `posix_spawn` (the
/// child runs in the parent's address space until it executes), so a child asked to by
/// `QUOTES_PEAK_FILE` writes its `VmHWM` there when it exits.
enum PeakMemory {
    static let variable = "QUOTES_PEAK_FILE"

    static func reportAtExitIfRequested() {
        guard getenv(variable) != nil else { return }
        atexit {
            guard let path = getenv(PeakMemory.variable).map({ String(cString: $0) }),
                  let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return }
            let kilobytes = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            try? kilobytes.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}

/// Runs a child with standard output discarded and measures it with `wait4`.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String]) throws -> BenchRow {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let peakFile = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-peak-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: peakFile) }
        var environment = ProcessInfo.processInfo.environment
        environment[PeakMemory.variable] = peakFile
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ValidationError("cannot start '\(executable)': \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let reported = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0) }
        return BenchRow(seconds: seconds, peakKB: reported ?? usage.ru_maxrss, status: exitStatus)
    }
}

/// The inputs `quotes bench` measures.
enum BenchInputs {
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    /// The gold documents' texts (`goldTexts`) `times` times as JSONL with distinct ids (and a
    /// first line per copy, "`edition` N.", so that a store does not take copies for re-indexes;
    /// another `edition` gives the same ids with other texts). Returns documents and text bytes.
    static func repeatedGold(_ texts: [(id: String, text: String)], times: Int, to path: String,
                             edition: String = "Edition") throws -> (documents: Int, bytes: Int) {
        var output = Data()
        var bytes = 0
        for copy in 0..<times {
            for item in texts {
                let text = "\(edition) \(copy).\n\n" + item.text
                bytes += text.utf8.count
                output.append(try JSONSerialization.data(withJSONObject: ["id": "\(item.id)#\(copy)", "text": text]))
                output.append(UInt8(ascii: "\n"))
            }
        }
        try output.write(to: URL(fileURLWithPath: path))
        return (texts.count * times, bytes)
    }

    /// `count` short documents as JSONL: the first paragraph of each gold text in turn (most are
    /// a headline or a one-sentence lede), ids made distinct by a copy number. Returns documents
    /// and text bytes.
    static func briefs(_ texts: [(id: String, text: String)], count: Int, to path: String) throws -> (documents: Int, bytes: Int) {
        let paragraphs = texts.compactMap { item -> (id: String, text: String)? in
            let first = item.text.components(separatedBy: "\n\n").lazy
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
            return first.map { (item.id, $0) }
        }
        guard !paragraphs.isEmpty else { return (0, 0) }
        var output = Data()
        var bytes = 0
        for number in 0..<count {
            let item = paragraphs[number % paragraphs.count]
            bytes += item.text.utf8.count
            output.append(try JSONSerialization.data(withJSONObject: ["id": "\(item.id)#\(number / paragraphs.count)", "text": item.text]))
            output.append(UInt8(ascii: "\n"))
        }
        try output.write(to: URL(fileURLWithPath: path))
        return (count, bytes)
    }

    /// `articles` short generated articles as JSONL, each quoting a full name, that name's
    /// surname and two more surnames drawn from 60,000 (most speakers are new to the store, and
    /// many surnames later meet one full name, so the directory grows and merges). Returns
    /// documents and text bytes.
    static func manySpeakers(articles: Int, to path: String) throws -> (documents: Int, bytes: Int) {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let syllables = ["ka", "lo", "mi", "ren", "dor", "sa", "vel", "tin", "bru", "mar", "ces", "ol", "qui", "zan",
                         "pe", "ta", "rho", "nel", "gus", "fa"]
        func name(_ parts: Int) -> String {
            (0..<parts).map { _ in syllables[next(syllables.count)] }.joined().capitalized
        }
        let firsts = (0..<3_000).map { _ in name(2) }
        let lasts = (0..<60_000).map { _ in name(3) }
        let topics = ["the budget", "the harbour", "the school plan", "the new bridge", "the water rates", "the tram line"]
        var output = Data()
        var bytes = 0
        for number in 0..<articles {
            let surname = lasts[next(lasts.count)]
            let full = firsts[next(firsts.count)] + " " + surname
            let other = lasts[next(lasts.count)], third = lasts[next(lasts.count)]
            let topic = topics[next(topics.count)]
            let text = "Council debates \(topic)\n\n\"We will look at \(topic) again next week,\" said \(full), a council member.\n\n"
                + "\"It is too late for that,\" \(other) said. \"The vote was last month.\"\n\n"
                + "\(surname) said the council had waited long enough. \"Nobody asked us,\" \(third) told reporters.\n"
            bytes += text.utf8.count
            output.append(try JSONSerialization.data(withJSONObject: ["id": "s\(number)", "text": text]))
            output.append(UInt8(ascii: "\n"))
        }
        try output.write(to: URL(fileURLWithPath: path))
        return (articles, bytes)
    }

    /// Worst cases, named by their full size: each writes its file at `scale` times that size
    /// and returns the size in bytes (`quotes bench --scaling` compares scales 1/4 and 1).
    /// With `goldTexts`, one more case: those texts as one line of `lineMB` (white space runs
    /// made single spaces, the texts repeated), ordinary news prose with no paragraph break, where
    /// the first single line holds a quotation every 47 bytes.
    static func adversarial(lineMB: Int, scale: Double = 1, goldTexts: [String] = []) -> [(String, (String) throws -> Int)] {
        func scaled(_ size: Int) -> Int { max(1, Int((Double(size) * scale).rounded())) }
        func repeated(_ piece: String, _ total: Int) -> (String) throws -> Int {
            { path in
                let unit = Data(piece.utf8)
                var data = Data(capacity: total + unit.count)
                while data.count < total { data.append(unit) }
                try data.write(to: URL(fileURLWithPath: path))
                return data.count
            }
        }
        let prose = "The minister said \"we will act soon,\" and Dana Okafor told reporters that the plan, "
            + "which costs $3 million, was sound. \"It is not,\" she said. "
        let depth = scaled(200_000)
        let nested = "She said " + String(repeating: "\"a 'b ", count: depth) + "end" + String(repeating: "' \"", count: depth) + ".\n"
        var cases: [(String, (String) throws -> Int)] = [
            ("single line, \(lineMB) MB", repeated(prose, scaled(lineMB * 1_000_000))),
            ("100,000 unmatched marks", repeated("He said \" no ", scaled(100_000) * 13)),
            ("run-on sentence, 10 MB", repeated("Alpha Beta said the plan works and ", scaled(10_000_000))),
            ("nested 200,000 deep", repeated(nested, nested.utf8.count)),
            // Each quote-only sentence continues the attribution before it (once quadratic).
            ("continued quotations, 5 MB", repeated("\"We will act soon,\" Dana Okafor said. \"It is fine.\" ", scaled(5_000_000))),
            // Choosing among the people of a surname was once cubic in them.
            ("a surname shared by 40,000 people", { path in
                let syllables = ["ka", "lo", "mi", "ra", "te", "no", "vi", "sa", "du", "pe", "ri", "zo", "ba", "ne", "fu", "gi"]
                var text = ""
                for number in 0..<scaled(40_000) {
                    var first = "", rest = number
                    repeat {
                        first += syllables[rest % 16]
                        rest /= 16
                    } while rest > 0
                    text += "\(first.capitalized) Vance said the plan was sound."
                    text += number % 20 == 19 ? " \"We will see about \(first),\" Vance said.\n\n" : " "
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                return text.utf8.count
            }),
        ]
        if !goldTexts.isEmpty {
            let joined = goldTexts.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: " ") + " "
            cases.insert(("dev text, one line, \(lineMB) MB", repeated(joined, scaled(lineMB * 1_000_000))), at: 1)
        }
        return cases
    }

    /// The texts of the gold file's documents, in order.
    static func goldTexts(_ gold: String) throws -> [(id: String, text: String)] {
        guard let data = FileManager.default.contents(atPath: gold) else {
            throw ValidationError("cannot read gold file '\(gold)'")
        }
        var texts: [(id: String, text: String)] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let text = object["text"] as? String else { continue }
            texts.append((id, text))
        }
        guard !texts.isEmpty else { throw ValidationError("no documents with 'id' and 'text' in '\(gold)'") }
        return texts
    }
}
