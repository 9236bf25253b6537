import Foundation

/// Finds Tandem's installation folder — the one holding `pipeline.json` and `rules/` —
/// from any working directory: `$TANDEM_HOME`, then the folders above the running
/// executable (`.build/release/tandem` sits inside the checkout), then the folders above
/// this source file (for tests).
public enum TandemHome {
    public static func locate() -> URL? {
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["TANDEM_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for start in [selfExe, executable, URL(fileURLWithPath: #filePath)] {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<8 {
                candidates.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        let files = FileManager.default
        return candidates.first {
            files.fileExists(atPath: $0.appendingPathComponent("pipeline.json").path)
                && files.fileExists(atPath: $0.appendingPathComponent("rules").path)
        }
    }
}
