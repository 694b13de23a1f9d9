using System;
using System.IO;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>
    /// The frame of a response body a test scripts: readable, not seekable, not writable. A test's stream says only
    /// how it reads (<see cref="Stream.Read(byte[], int, int)"/> and, where it matters, <c>ReadAsync</c>).
    /// </summary>
    internal abstract class ReadOnlyBodyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
