namespace OpenAIBilling.Http
{
    /// <summary>
    /// Which kind of runtime runs the module: .NET Framework (Windows PowerShell 5.1) or .NET (PowerShell 7).
    /// See docs/DESIGN.md, "Windows PowerShell 5.1 and .NET Framework".
    /// </summary>
    internal static class ClrRuntime
    {
        /// <summary>
        /// True where the core library is mscorlib (.NET Framework, and Mono, which is shaped like it); false on .NET,
        /// whose core library is System.Private.CoreLib. <c>FrameworkDescription</c> is not used: under Mono it starts
        /// with "Mono", not ".NET Framework".
        /// </summary>
        public static readonly bool IsNetFramework = typeof(object).Assembly.GetName().Name == "mscorlib";
    }
}
