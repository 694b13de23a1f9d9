using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// Which (key, path) pairs have already had their "once" fault. Shared by all roles; thread-safe.
/// Keys are kept only as a SHA-256 hash. Cleared by <c>DELETE /__faults</c> and <c>DELETE /__log</c>.
/// </summary>
internal sealed class FaultState
{
    private readonly ConcurrentDictionary<string, byte> _faulted = new(StringComparer.Ordinal);

    /// <summary>True exactly once per (key, path): for the first request that asks, false for every later one.</summary>
    public bool TryClaim(string key, string path)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return _faulted.TryAdd(Convert.ToHexString(hash) + " " + path, 0);
    }

    public void Clear() => _faulted.Clear();
}
