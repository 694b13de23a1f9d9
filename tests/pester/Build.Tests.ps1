# What the build makes from its sources (docs/DESIGN.md, Layout): the manifest's version, and the help that is committed.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

Describe 'The build' {
    It 'writes into the manifest the version that both assemblies carry' {
        $version = "$((Get-Module OpenAIBilling).Version)"
        [OpenAIBilling.Commands.GetOpenAIBalanceCommand].Assembly.GetName().Version.ToString(3) | Should -Be $version
        [OpenAIBilling.Balance].Assembly.GetName().Version.ToString(3) | Should -Be $version
    }

    It 'generates the MAML that is committed in module/en-US/' {
        $generated = @((Get-Content -Raw (Join-Path $root 'en-US/OpenAIBilling.dll-Help.xml')) -split '\r?\n')
        $committed = @((Get-Content -Raw (Join-Path $root 'module/en-US/OpenAIBilling.dll-Help.xml')) -split '\r?\n')
        $first = 0..([Math]::Max($generated.Count, $committed.Count) - 1) | Where-Object { $generated[$_] -cne $committed[$_] } | Select-Object -First 1
        $first | Should -BeNullOrEmpty -Because ("module/en-US/OpenAIBilling.dll-Help.xml differs from what the build generates from " +
            "module/help/*.psd1 (at line $($first + 1)): run ./build.ps1 -Task Build and commit module/en-US/OpenAIBilling.dll-Help.xml")
    }
}
