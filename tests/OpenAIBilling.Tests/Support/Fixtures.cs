using System;
using System.IO;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>The real response bodies in tests/fixtures (their sources: tests/fixtures/SOURCES.md), copied beside the test assembly as they are.</summary>
    internal static class Fixtures
    {
        public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures");

        public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

        public static string[] All() => Directory.GetFiles(Folder, "*.json");
    }
}
