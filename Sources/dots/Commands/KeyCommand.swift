import ArgumentParser
import DotsPrepare
import Foundation

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Linkage keys (held by the partnership's key holder, never the hub).",
        subcommands: [Generate.self, ID.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a new random 256-bit linkage key to a file readable only by you.")
        @Option(help: "The key file to create.") var out: String
        func run() async throws {
            guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("\(out) exists; Dots will not overwrite a key.") }
            try LinkageKey.generateEncoded().write(toFile: out, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
            print("Key written to \(out) (id \(try FileOrEnvironmentKeyProvider(file: out).linkageKey().id)). Share it only with agencies' data leads.")
        }
    }

    struct ID: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "id", abstract: "Print a key's public fingerprint (what packages record).")
        @Option(help: "The key file (else DOTS_LINKAGE_KEY).") var keyFile: String?
        func run() async throws {
            do { print(try FileOrEnvironmentKeyProvider(file: keyFile).linkageKey().id) } catch let e as KeyError { throw ValidationError(e.description) }
        }
    }
}
