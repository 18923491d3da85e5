import ArgumentParser
import DotsApp
import DotsBcrypt
import DotsCore
import DotsWeb
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app and JSON API (sign in with an account from `dots user add`).")

    @Option(help: "The address to listen on. Keep 127.0.0.1 unless a TLS proxy sits in front.") var host = "127.0.0.1"
    @Option(help: "The port.") var port = 8080
    @Flag(help: "Mark cookies Secure and send HSTS: set when users reach Dots over HTTPS (directly or through a proxy).") var secureCookies = false
    @Option(help: "The address of a reverse proxy in front of Dots whose X-Forwarded-For header is believed (for sign-in throttling and the audit log).")
    var trustedProxy: String?
    @Option(help: "The largest upload a signed-in agency may send through the web app or API, in MB (every file of a package at once).")
    var uploadLimit = WebContext.defaultUploadLimit / (1024 * 1024)
    @Option(
        help:
            "Serve as if today were this date (YYYY-MM-DD; the time of day runs on): for training, and for testing what happens after a date, such as a link to a context lapsing. Never for a live service: sessions, audit records and reviews are dated by it."
    ) var pretendDate: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let spec = try FrameworkService.load()
        var clock: any TimeSource = SystemClock()
        if let pretendDate {
            guard let day = CalendarDate(iso: pretendDate) else { throw ValidationError("--pretend-date: \(pretendDate) is not a date (YYYY-MM-DD)") }
            clock = ShiftedClock(days: day.dayNumber - UKTime.localDate(of: SystemClock().now()).dayNumber)
        }
        try await store.withStore { hub in
            print("Dots is serving on http://\(host):\(port) (stop with Ctrl-C).\(pretendDate.map { " Pretending today is \($0)." } ?? "")")
            try await WebServer.run(
                try UseCases(store: hub, spec: spec, hasher: BcryptHasher(), clock: clock), host: host, port: port, secureCookies: secureCookies,
                trustedProxy: trustedProxy, uploadLimit: uploadLimit * 1024 * 1024)
        }
    }
}
