<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and packages OpenAIBilling.
.DESCRIPTION
    Build    compiles the solution (warnings are errors), writes OpenAIBilling.psd1 with the version of
             Directory.Build.props, lays out the module beside it (bin/, bin/dependencies/, en-US/) and copies the
             generated MAML to module/en-US/ to be committed.
    Test     builds as Build does but leaves module/en-US/ alone, then xunit and Pester (which fail while the committed
             MAML is not what the build generates); ends with one line "N passed, N failed" and exits non-zero on any failure.
    Demo     Build, then runs every cmdlet against the bundled fake billing server on loopback and shows the tables.
    Bench    Build, then the speed and memory benchmarks (tests/bench: plain http, then HTTPS through a latency proxy);
             prints ratios, exits non-zero on a missed target.
    Package  Build, then writes out/OpenAIBilling.zip for Azure Automation or Import-Module after unzipping.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'build/BuildTools.psm1') -Force
# The fake server, the demo, the benchmark and the Pester suites (in their child shell) use the configuration built here.
$env:OPENAIBILLING_TEST_CONFIGURATION = $Configuration

switch ($Task) {
    'Build'   { Invoke-ModuleBuild -Root $PSScriptRoot -Configuration $Configuration; Update-CommittedHelp -Root $PSScriptRoot }
    'Test'    { Invoke-ModuleBuild -Root $PSScriptRoot -Configuration $Configuration; exit (Invoke-AllTests -Root $PSScriptRoot -Configuration $Configuration) }
    'Demo'    { Invoke-ModuleBuild -Root $PSScriptRoot -Configuration $Configuration; & (Join-Path $PSScriptRoot 'examples/Demo.ps1') }
    'Bench'   {
        Invoke-ModuleBuild -Root $PSScriptRoot -Configuration $Configuration
        & (Join-Path $PSScriptRoot 'tests/bench/Invoke-Benchmark.ps1') -Runs 3 -NaiveRuns 1; $plain = $LASTEXITCODE
        & (Join-Path $PSScriptRoot 'tests/bench/Invoke-HttpsBenchmark.ps1'); $https = $LASTEXITCODE
        exit ([Math]::Max($plain, $https))
    }
    'Package' { Invoke-ModuleBuild -Root $PSScriptRoot -Configuration $Configuration; New-ModulePackage -Root $PSScriptRoot }
}
