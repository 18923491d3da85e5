import Foundation

/// Appends text to a file through a large buffer, so writing millions of short lines stays cheap.
public final class BufferedFileWriter {
    let handle: FileHandle
    var buffer: [UInt8] = []
    let capacity: Int
    public private(set) var bytesWritten = 0

    /// Creates (or truncates) the file at `path`.
    public init(path: String, capacity: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        bytesWritten += text.utf8.count
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        try handle.close()
    }
}
