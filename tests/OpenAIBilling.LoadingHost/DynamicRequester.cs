using System;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// A dynamic assembly (what a PowerShell class or Reflection.Emit makes) as the requester of a load. On .NET
    /// Framework its Location throws, and the runtime calls resolve handlers in turn with no try/catch, so a resolver
    /// that reads it breaks every handler after it.
    /// </summary>
    internal static class DynamicRequester
    {
        /// <summary>
        /// Emitted code that uses a type of the module's client, as a PowerShell class uses a module's type. On .NET
        /// Framework binding its reference raises AssemblyResolve with the dynamic assembly as requester; Mono binds it
        /// to the loaded assembly without asking.
        /// </summary>
        public static void UsesAModuleType(Type moduleType)
        {
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PowerShellClassLike"), AssemblyBuilderAccess.Run);
            var type = assembly.DefineDynamicModule("PowerShellClassLike").DefineType("UsesModuleType", TypeAttributes.Public | TypeAttributes.Class);
            var method = type.DefineMethod("Get", MethodAttributes.Public | MethodAttributes.Static, typeof(Type), Type.EmptyTypes);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldtoken, moduleType);
            il.Emit(OpCodes.Call, typeof(Type).GetMethod(nameof(Type.GetTypeFromHandle))!);
            il.Emit(OpCodes.Ret);

            var got = (Type)type.CreateType()!.GetMethod("Get")!.Invoke(null, null)!;
            CheckFailedException.Unless(got == moduleType, $"the emitted code got {got.AssemblyQualifiedName} from {got.Assembly.Location}, not the module's {moduleType.AssemblyQualifiedName}");
        }

        /// <summary>
        /// The runtime's own resolve path, entered with a dynamic requester for a name the module ships: the module's
        /// resolver must decline without throwing and the next handler must be asked.
        /// </summary>
        public static void ThroughTheRuntimesResolvePath(HostResolveHandler next, string shippedName)
        {
            var requester = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PowerShellClassLike2"), AssemblyBuilderAccess.Run);
            var answer = RuntimeResolvePath.Ask(shippedName, requester);
            CheckFailedException.Unless(answer == null, "a dynamic requester was answered with " + answer?.Location + "; it is never the module's");
            CheckFailedException.Unless(
                next.Seen.Any(r => r.DynamicRequester && r.Requester == "PowerShellClassLike2"),
                "the handler registered after the module's was never asked");
        }
    }
}
