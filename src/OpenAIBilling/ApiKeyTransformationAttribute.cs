using System;
using System.Management.Automation;
using System.Security;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// Lets <c>-ApiKey</c> take a string or a <see cref="SecureString"/>, and nothing else. Any other object is
    /// passed on untouched so that it fails to convert to <see cref="SecureString"/>: piped whole (a CSV row), it
    /// then does not bind by value and PowerShell binds its ApiKey property instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case string text:
                    return SecureText.ToSecureString(text);
                default:
                    return inputData;
            }
        }
    }
}
