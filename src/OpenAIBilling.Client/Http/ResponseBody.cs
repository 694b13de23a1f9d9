using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Reads an answer's body up to 64 MB (docs/DESIGN.md, HTTP behaviour). The buffer grows with what actually
    /// arrives — a <c>Content-Length</c> is believed only to refuse a body that announces more than the limit, never
    /// to allocate — and the bytes are handed on without a final copy. A UTF-8 byte order mark is skipped. A body
    /// that does not decompress is <c>InvalidResponse</c>, which no retry can cure.
    /// </summary>
    internal static class ResponseBody
    {
        public const long MaximumBytes = 64L * 1024 * 1024;
        private const int FirstBufferBytes = 16 * 1024;

        public static async Task<ReadOnlyMemory<byte>> ReadAsync(BillingCall call, Uri uri, HttpResponseMessage message, CancellationToken cancellationToken)
        {
            int status = (int)message.StatusCode;
            long? declared = message.Content.Headers.ContentLength;
            if (declared > MaximumBytes)
            {
                throw TooLarge(call, uri, status);
            }

            using (var stream = await message.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                var buffer = new byte[declared.HasValue ? (int)Math.Min(declared.Value + 1, FirstBufferBytes) : FirstBufferBytes];
                int length = 0;
                try
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            // One byte past the limit is room enough to see that a body is too large.
                            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaximumBytes + 1));
                        }

                        int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                        if (length > MaximumBytes)
                        {
                            throw TooLarge(call, uri, status);
                        }
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    // The registration above disposed the stream to stop this read. Whatever a stream throws as it is
                    // torn down mid-read (ObjectDisposedException, IOException, or a NullReferenceException from a
                    // decompressor whose native state is gone) is that cancellation, so that a request group reports
                    // the failure that cancelled it, not this.
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (InvalidDataException)
                {
                    throw NotDecompressible(call, uri, status, message);
                }

                int start = HasByteOrderMark(buffer, length) ? 3 : 0;
                return new ReadOnlyMemory<byte>(buffer, start, length - start);
            }
        }

        private static bool HasByteOrderMark(byte[] buffer, int length) =>
            length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF;

        private static BillingException TooLarge(BillingCall call, Uri uri, int status) =>
            new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {SecretRedactor.Redact(uri.GetLeftPart(UriPartial.Path), call.Key)} is larger than {MaximumBytes / (1024 * 1024)} MB; it was refused.",
                    Advice.Of(AdviceKind.AnswerTooLarge, call.Host.Display))
                .WithResponse(status, null, null, null);

        internal static BillingException NotDecompressible(BillingCall call, Uri uri, int? status, HttpResponseMessage? message)
        {
            string encoding = message == null ? "compressed" : string.Join(", ", message.Content.Headers.ContentEncoding);
            return new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {SecretRedactor.Redact(uri.GetLeftPart(UriPartial.Path), call.Key)} says it is {SecretRedactor.Redact(encoding.Length == 0 ? "compressed" : encoding, call.Key)} but does not decompress.",
                    Advice.Of(AdviceKind.AnswerNotDecompressible, call.Host.Display))
                .WithResponse(status, null, null, null);
        }
    }
}
