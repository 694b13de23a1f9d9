using System;
using System.Management.Automation;

namespace OpenAIBilling.Commands.Parameters
{
    /// <summary>
    /// Turns an empty or blank string into null before binding, so a CSV row with an empty BaseUri or Name column
    /// means "not given" instead of failing to bind.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
        }
    }
}
