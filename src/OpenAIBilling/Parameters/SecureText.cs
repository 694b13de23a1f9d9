using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OpenAIBilling.Commands.Parameters
{
    /// <summary>Moves a key between <see cref="string"/> and <see cref="SecureString"/>.</summary>
    internal static class SecureText
    {
        public static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        public static string ToPlainText(SecureString secure)
        {
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                // By length: a NUL inside the key must reach the format check, not cut the key short.
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
