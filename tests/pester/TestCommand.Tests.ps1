# The test command's own rules (build/BuildTools.psm1): how the .NET Framework leg is counted, skipped and required.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../build/BuildTools.psm1') -Force
    $script:savedCI = $env:CI
}
AfterAll {
    $env:CI = $script:savedCI
}

Describe 'The test command and its .NET Framework leg' {
    BeforeEach {
        Mock -ModuleName BuildTools Write-Host { }
        Mock -ModuleName BuildTools Invoke-PesterTests { @{ Passed = 2; Failed = 0 } }
        Mock -ModuleName BuildTools Invoke-XunitTests { @{ Passed = 3; Failed = 0 } }
        Mock -ModuleName BuildTools Invoke-LoadingTest { @{ Passed = 14; Failed = 0 } }
    }

    It 'counts the leg on a line of its own and in the closing line when the runtime is there' {
        Mock -ModuleName BuildTools Get-NetFrameworkRunner { @{ Command = @('mono'); Description = 'under Mono' } }
        $env:CI = 'true'
        Invoke-AllTests -Root $TestDrive -Configuration Release | Should -Be 0
        Should -Invoke -ModuleName BuildTools Invoke-XunitTests -Times 1 -Exactly -ParameterFilter { $Framework -eq 'net472' }
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -match '^\.NET Framework leg \(net472, under Mono, \d+ s\): xunit 3 passed, 0 failed; loading test 14 passed, 0 failed$' }
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -eq '22 passed, 0 failed' }
    }

    It 'says the leg was skipped and why on a developer machine without Mono' {
        Mock -ModuleName BuildTools Get-NetFrameworkRunner { @{ Reason = 'Mono is not installed (apt-get install -y mono-complete; .ci/run installs it)' } }
        $env:CI = $null
        Invoke-AllTests -Root $TestDrive -Configuration Release | Should -Be 0
        Should -Invoke -ModuleName BuildTools Invoke-XunitTests -Times 0 -Exactly -ParameterFilter { $Framework -eq 'net472' }
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -like '.NET Framework leg: skipped, Mono is not installed*' }
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -eq '5 passed, 0 failed' }
    }

    It 'fails a CI run that cannot take the leg' {
        Mock -ModuleName BuildTools Get-NetFrameworkRunner { @{ Reason = 'Mono is not installed' } }
        $env:CI = 'true'
        Invoke-AllTests -Root $TestDrive -Configuration Release | Should -Be 1
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -like '*required under CI*' }
        Should -Invoke -ModuleName BuildTools Write-Host -ParameterFilter { $Object -eq '5 passed, 1 failed' }
    }

    It 'runs the leg natively on Windows, without Mono' -Skip:(-not $IsWindows) {
        (& (Get-Module BuildTools) { Get-NetFrameworkRunner }).Command | Should -BeNullOrEmpty
    }
}
