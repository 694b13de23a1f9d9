using System;
using System.Linq;
using OpenAIBilling.Errors;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Surface
{
    /// <summary>
    /// The client's public surface is what a user can see from PowerShell: the output models, the parameter enums,
    /// BillingException and BillingErrorId (docs/DESIGN.md, "Layout"). Anything else made public is a mistake.
    /// </summary>
    public class PublicSurfaceTests
    {
        private static readonly string[] ClientPublicTypes =
        {
            "OpenAIBilling.Balance",
            "OpenAIBilling.BillingRecord",
            "OpenAIBilling.CostRecord",
            "OpenAIBilling.CreditGrant",
            "OpenAIBilling.Dates.Period",
            "OpenAIBilling.Errors.BillingErrorId",
            "OpenAIBilling.Errors.BillingException",
            "OpenAIBilling.Sources.BalanceSource",
            "OpenAIBilling.SpendAlert",
            "OpenAIBilling.Subscription",
            "OpenAIBilling.TokenUsageRecord",
            "OpenAIBilling.Usage.BucketWidth",
            "OpenAIBilling.Usage.CostGranularity",
            "OpenAIBilling.Usage.CostGroupBy",
            "OpenAIBilling.Usage.TokenUsageGroupBy",
            "OpenAIBilling.Usage.UsageEndpoint",
        };

        [Fact]
        public void The_client_makes_public_only_the_models_the_parameter_enums_and_the_exception()
        {
            var exported = ExportedTypes.Of(typeof(BillingException).Assembly);

            Assert.Equal(ClientPublicTypes, exported);
        }

        [Fact]
        public void No_public_member_of_the_client_takes_or_gives_an_internal_or_System_Text_Json_type()
        {
            var leaks = typeof(BillingException).Assembly.GetExportedTypes()
                .SelectMany(type => type.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                    | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
                    .SelectMany(member => SignatureTypes(member).Select(used => (type, member, used))))
                .Where(leak => !leak.used.IsVisible || leak.used.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
                .Select(leak => $"{leak.type.Name}.{leak.member.Name}: {leak.used}")
                .ToArray();

            Assert.Empty(leaks);
        }

        private static Type[] SignatureTypes(System.Reflection.MemberInfo member) => member switch
        {
            System.Reflection.PropertyInfo property => new[] { property.PropertyType },
            System.Reflection.FieldInfo field => new[] { field.FieldType },
            System.Reflection.MethodInfo method when method.IsPublic =>
                method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType).ToArray(),
            System.Reflection.ConstructorInfo constructor when constructor.IsPublic =>
                constructor.GetParameters().Select(parameter => parameter.ParameterType).ToArray(),
            _ => Array.Empty<Type>(),
        };
    }
}
