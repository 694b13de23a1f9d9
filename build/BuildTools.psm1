# The steps behind build.ps1. Kept in a module so that each task is a named function.
Set-StrictMode -Version Latest

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([Parameter(Mandatory)][string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ProjectVersion {
    param([string] $Root)
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    return $props.Project.PropertyGroup.Version
}

function Invoke-ModuleBuild {
    # Compiles everything and lays the module out beside the root manifest: bin/ (our assemblies),
    # bin/dependencies/ (System.Text.Json and its closure, loaded only on Windows PowerShell 5.1) and en-US/ (help).
    param([string] $Root, [string] $Configuration)

    $version = Get-ProjectVersion $Root
    $manifest = (Get-Content -Raw (Join-Path $Root 'module/OpenAIBilling.psd1')).Replace('{{ModuleVersion}}', $version)
    [IO.File]::WriteAllText((Join-Path $Root 'OpenAIBilling.psd1'), $manifest)

    Invoke-Native dotnet @('build', (Join-Path $Root 'OpenAIBilling.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')
    $publish = Join-Path $Root 'out/publish'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/OpenAIBilling/OpenAIBilling.csproj'), '-c', $Configuration, '--no-build', '-o', $publish, '--nologo', '-v', 'minimal')

    $bin = Join-Path $Root 'bin'
    $dependencies = Join-Path $bin 'dependencies'
    Remove-Item -Recurse -Force $bin -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force $dependencies
    foreach ($file in Get-ChildItem $publish -File) {
        if ($file.Name -like 'OpenAIBilling*.dll' -or $file.Name -like 'OpenAIBilling*.pdb') {
            Copy-Item $file.FullName $bin
        }
        elseif ($file.Extension -eq '.dll' -and $file.Name -notlike 'OpenAIBilling*') {
            Copy-Item $file.FullName $dependencies
        }
    }

    # en-US/ is module/en-US/ with the MAML generated afresh; the Build task copies it back (Update-CommittedHelp).
    $help = Join-Path $Root 'en-US'
    Remove-Item -Recurse -Force $help -ErrorAction SilentlyContinue
    Copy-Item -Recurse (Join-Path $Root 'module/en-US') $help
    Import-Module (Join-Path $PSScriptRoot 'HelpBuilder.psm1') -Force
    Build-MamlHelp -Root $Root -Path (Join-Path $help 'OpenAIBilling.dll-Help.xml')
    Write-Host "Built OpenAIBilling $version ($Configuration) into $bin"
}

function Update-CommittedHelp {
    # The Build task: module/en-US/ gets the MAML just generated, to be committed; the Test task fails while they differ.
    param([string] $Root)
    Copy-Item (Join-Path $Root 'en-US/OpenAIBilling.dll-Help.xml') (Join-Path $Root 'module/en-US')
}

function Get-PesterPath {
    # Pester comes from NuGet through a PackageDownload (the PowerShell Gallery is not reachable).
    param([string] $Root)
    # Its restore output goes to the host, so that this function returns only the path.
    Invoke-Native dotnet @('restore', (Join-Path $Root 'build/PesterDownload.csproj'), '--nologo', '-v', 'minimal') | Out-Host
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    [xml] $project = Get-Content -Raw (Join-Path $Root 'build/PesterDownload.csproj')
    $path = Join-Path $packages "pester/$($project.Project.ItemGroup.PackageDownload.Version.Trim('[]'))/tools/Pester.psd1"
    if (-not (Test-Path $path)) { throw "Pester was not found at $path after restore." }
    return $path
}

function Get-PwshCommand {
    # Child shells start the same way everywhere: dotnet on this PowerShell's pwsh.dll.
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path $dll) { return @('dotnet', $dll) }
    return @((Join-Path $PSHOME 'pwsh'))
}

function Invoke-XunitTests {
    # Runs tests/OpenAIBilling.Tests for one target framework; returns @{ Passed; Failed } read from its trx file.
    param([string] $Root, [string] $Configuration, [string] $Framework)
    $results = Join-Path $Root "out/test/$Framework"
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    & dotnet test (Join-Path $Root 'tests/OpenAIBilling.Tests/OpenAIBilling.Tests.csproj') -c $Configuration -f $Framework --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $trx = Join-Path $results 'xunit.trx'
    if (-not (Test-Path $trx)) {
        Write-Host "xunit ($Framework) produced no results."
        return @{ Passed = 0; Failed = 1 }
    }
    [xml] $xml = Get-Content -Raw $trx
    $counters = $xml.TestRun.ResultSummary.Counters
    return @{ Passed = [int] $counters.passed; Failed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted }
}

function Get-NetFrameworkRunner {
    # How this machine runs .NET Framework (net472) code: @{ Command = @(...) } to put before an exe (nothing on
    # Windows, which runs it natively; mono elsewhere), or @{ Reason = '...' } when it cannot.
    if ($IsWindows) { return @{ Command = @(); Description = 'natively on .NET Framework' } }
    $mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($mono) { return @{ Command = @($mono.Source); Description = 'under Mono' } }
    return @{ Reason = 'Mono is not installed (apt-get install -y mono-complete; .ci/run installs it)' }
}

function Invoke-LoadingTest {
    # The loading test: tests/OpenAIBilling.LoadingHost, alone in out/loading-host/ (so nothing the build copied beside
    # it can be loaded), loads bin/OpenAIBilling.dll as Windows PowerShell 5.1 does. Returns @{ Passed; Failed }.
    param([string] $Root, [string] $Configuration, [string[]] $Runner)
    $stage = Join-Path $Root 'out/loading-host'
    Remove-Item -Recurse -Force $stage -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force $stage
    Copy-Item (Join-Path $Root "tests/OpenAIBilling.LoadingHost/bin/$Configuration/net472/OpenAIBilling.LoadingHost.exe") $stage
    $summary = Join-Path $Root 'out/test/loading.json'
    Remove-Item -Force $summary -ErrorAction SilentlyContinue
    $arguments = @(
        (Join-Path $stage 'OpenAIBilling.LoadingHost.exe'),
        (Join-Path $Root 'bin/OpenAIBilling.dll'),
        (Join-Path $Root "tests/OpenAIBilling.FakeServer/bin/$Configuration/net10.0/OpenAIBilling.FakeServer.dll"),
        $summary)
    $command = @($Runner | Where-Object { $_ }) + $arguments
    & $command[0] @($command | Select-Object -Skip 1) | Out-Host
    if (-not (Test-Path $summary)) {
        Write-Host 'The loading test produced no results.'
        return @{ Passed = 0; Failed = 1 }
    }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    return @{ Passed = [int] $counts.Passed; Failed = [int] $counts.Failed }
}

function Invoke-NetFrameworkLeg {
    # The .NET Framework leg (Windows PowerShell 5.1's runtime): the client's xunit tests built for net472, and the
    # loading test. Returns @{ Xunit; Loading; Line }, or @{ Skipped = reason; Line } when this machine cannot run it.
    param([string] $Root, [string] $Configuration)
    $runner = Get-NetFrameworkRunner
    if ($runner.ContainsKey('Reason')) {
        return @{ Skipped = $runner.Reason; Line = ".NET Framework leg: skipped, $($runner.Reason)" }
    }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $xunit = Invoke-XunitTests -Root $Root -Configuration $Configuration -Framework net472
    $loading = Invoke-LoadingTest -Root $Root -Configuration $Configuration -Runner $runner.Command
    $line = ".NET Framework leg (net472, $($runner.Description), $([int] $clock.Elapsed.TotalSeconds) s): " +
        "xunit $($xunit.Passed) passed, $($xunit.Failed) failed; loading test $($loading.Passed) passed, $($loading.Failed) failed"
    return @{ Xunit = $xunit; Loading = $loading; Line = $line }
}

function Invoke-PesterTests {
    # Runs Pester in a fresh shell (so the module under test is imported cleanly) and returns @{ Passed; Failed }.
    param([string] $Root)
    $pester = Get-PesterPath $Root
    $summary = Join-Path $Root 'out/test/pester.json'
    $pwsh = Get-PwshCommand
    $runner = Join-Path $Root 'tests/pester/Run-Pester.ps1'
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner, '-PesterPath', $pester, '-SummaryPath', $summary)
    & $pwsh[0] @arguments | Out-Host
    if (-not (Test-Path $summary)) {
        Write-Host 'Pester produced no results.'
        return @{ Passed = 0; Failed = 1 }
    }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    return @{ Passed = [int] $counts.Passed; Failed = [int] $counts.Failed }
}

function Invoke-AllTests {
    # xunit (net10.0), the .NET Framework leg and Pester counted together; returns the process exit code. Under CI
    # ($env:CI is 'true') a run that cannot take the .NET Framework leg fails; elsewhere it says why it was skipped.
    param([string] $Root, [string] $Configuration)
    $xunit = Invoke-XunitTests -Root $Root -Configuration $Configuration -Framework net10.0
    $netFramework = Invoke-NetFrameworkLeg -Root $Root -Configuration $Configuration
    $pester = Invoke-PesterTests -Root $Root
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    if ($netFramework.ContainsKey('Skipped')) {
        if ($env:CI -eq 'true') {
            $netFramework.Line += ' - required under CI, counted as 1 failed'
            $failed += 1
        }
    }
    else {
        $passed += $netFramework.Xunit.Passed + $netFramework.Loading.Passed
        $failed += $netFramework.Xunit.Failed + $netFramework.Loading.Failed
    }
    Write-Host "xunit (net10.0): $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host $netFramework.Line
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { return 1 }
    return 0
}

function New-ModulePackage {
    # out/OpenAIBilling.zip: one OpenAIBilling/ folder with the manifest at its root, importable by Azure Automation.
    param([string] $Root)
    $stage = Join-Path $Root 'out/package/OpenAIBilling'
    Remove-Item -Recurse -Force (Join-Path $Root 'out/package') -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force $stage
    Copy-Item (Join-Path $Root 'OpenAIBilling.psd1') $stage
    Copy-Item (Join-Path $Root 'LICENSE') $stage
    Copy-Item -Recurse (Join-Path $Root 'bin') (Join-Path $stage 'bin')
    Copy-Item -Recurse (Join-Path $Root 'en-US') (Join-Path $stage 'en-US')
    $null = New-Item -ItemType Directory -Force (Join-Path $stage 'module')
    Copy-Item (Join-Path $Root 'module/OpenAIBilling.format.ps1xml') (Join-Path $stage 'module')
    Get-ChildItem -Recurse $stage -Filter *.pdb | Remove-Item

    $tooLong = Get-ChildItem -Recurse $stage | Where-Object { ('OpenAIBilling/' + [IO.Path]::GetRelativePath($stage, $_.FullName)).Length -ge 140 }
    if ($tooLong) { throw "Paths of 140 characters or more cannot go to Azure Automation: $($tooLong.FullName -join ', ')" }

    $zip = Join-Path $Root 'out/OpenAIBilling.zip'
    Remove-Item -Force $zip -ErrorAction SilentlyContinue
    Compress-Archive -Path $stage -DestinationPath $zip
    Write-Host "Wrote $zip"
}

Export-ModuleMember -Function Invoke-ModuleBuild, Update-CommittedHelp, Invoke-AllTests, New-ModulePackage, Get-PwshCommand, Get-PesterPath
