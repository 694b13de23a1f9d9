# The MAML help: complete for every cmdlet, true to the parameters, and every example runs against the fake server.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $cmdlets = foreach ($command in Get-Command -Module OpenAIBilling -CommandType Cmdlet) {
        @{ Cmdlet = $command.Name; Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $common }) }
    }
    $examples = foreach ($command in Get-Command -Module OpenAIBilling -CommandType Cmdlet) {
        $number = 0
        foreach ($example in (Get-Help $command.Name -Examples).examples.example) {
            $number++
            @{ Cmdlet = $command.Name; Number = $number; Title = $example.title.Trim('- '); Code = $example.code }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

Describe 'Help of <Cmdlet>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Cmdlet -Full
        $described = @($help.parameters.parameter)
    }

    It 'has a synopsis of its own' {
        # Without MAML, Get-Help makes the synopsis from the syntax, which starts with the cmdlet's name.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Cmdlet*"
    }

    It 'has a description' {
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'lists about_OpenAIBilling and every other cmdlet of the module in RELATED LINKS, none with a URI' {
        $links = @($help.relatedLinks.navigationLink)
        $others = @(Get-Command -Module OpenAIBilling -CommandType Cmdlet | Where-Object Name -ne $Cmdlet).Name
        foreach ($name in @('about_OpenAIBilling') + $others) { $links.linkText | Should -Contain $name }
        @($links | Where-Object { $_.PSObject.Properties['uri'] -and $_.uri }) | Should -BeNullOrEmpty
    }

    It 'has no HelpUri, so Get-Help -Online opens no one else''s page' {
        (Get-Command $Cmdlet).HelpUri | Should -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $all = @($help.examples.example)
        $all.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $all) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes -<_>' -ForEach $Parameters {
        $entry = $described | Where-Object name -EQ $_
        $entry | Should -HaveCount 1
        ($entry.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'names no parameter the cmdlet does not have' {
        $named = @($described.name) + @($help.syntax.syntaxItem.parameter.name) | Select-Object -Unique
        $named | Where-Object { $_ -notin $Parameters } | Should -BeNullOrEmpty
    }
}

Describe 'Get-OpenAITokenUsage -GroupBy help' {
    BeforeAll {
        $saved = @{ OPENAI_API_KEY = $env:OPENAI_API_KEY; OPENAI_ADMIN_KEY = $env:OPENAI_ADMIN_KEY }
        Remove-Item Env:OPENAI_API_KEY, Env:OPENAI_ADMIN_KEY -ErrorAction SilentlyContinue
        $listed = @{}
        foreach ($line in (Get-Help Get-OpenAITokenUsage -Parameter GroupBy).description.Text -split "`n") {
            if ($line -match '^(\w+): (.+)\.$') { $listed[$Matches[1]] = @($Matches[2] -split ', ') }
        }
    }
    AfterAll {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }

    It 'lists exactly the groups each endpoint accepts' {
        # A group the endpoint takes gets past the parameter check to the missing key; any other is InvalidArgument.
        # No key is set, so nothing is ever sent.
        $accepted = @{}
        foreach ($endpoint in [Enum]::GetNames([OpenAIBilling.Usage.UsageEndpoint])) {
            $accepted[$endpoint] = @(foreach ($group in [Enum]::GetNames([OpenAIBilling.Usage.TokenUsageGroupBy])) {
                    try { Get-OpenAITokenUsage -Endpoint $endpoint -GroupBy $group -BaseUri 'http://127.0.0.1:9' -ErrorAction Stop }
                    catch { if ($_.FullyQualifiedErrorId -like 'OpenAIBilling.NoApiKey*') { $group } }
                })
        }
        $listed.Keys | Sort-Object | Should -Be ($accepted.Keys | Sort-Object)
        foreach ($endpoint in $accepted.Keys) {
            ($listed[$endpoint] | Sort-Object) -join ', ' | Should -Be (($accepted[$endpoint] | Sort-Object) -join ', ') -Because "-Endpoint $endpoint"
        }
    }
}

Describe 'Help examples' {
    BeforeAll {
        $saved = @{}
        foreach ($name in 'OPENAI_BASE_URL', 'OPENAI_ADMIN_KEY', 'OPENAI_API_KEY') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        $server = Start-FakeBillingServer
        $keys = @{
            Admin     = New-TestKey 'sk-admin-' 'org'
            Session   = New-TestKey 'sess-' 'paid'
            Relay     = New-TestKey 'sk-' 'relayok'
            Unlimited = New-TestKey 'sk-' 'relayunlimited'
            Expiring  = New-TestKey 'sk-' 'relayexpiring'
        }
        # The names the examples give Get-Secret and Get-AutomationVariable.
        $secrets = @{
            OpenAIAdmin      = $keys.Admin
            OpenAIAdminKey   = $keys.Admin
            OpenAISession    = $keys.Session
            OpenAISessionKey = $keys.Session
            RelayToken       = $keys.Relay
        }
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('help-examples-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $folder
        @(
            [pscustomobject]@{ ApiKey = $keys.Admin; BaseUri = ''; Name = 'org' }
            [pscustomobject]@{ ApiKey = $keys.Session; BaseUri = ''; Name = 'session' }
            [pscustomobject]@{ ApiKey = $keys.Relay; BaseUri = "$($server.Relay)/v1"; Name = 'team-a' }
            [pscustomobject]@{ ApiKey = $keys.Expiring; BaseUri = $server.Balances; Name = 'team-b' }
        ) | Export-Csv (Join-Path $folder 'keys.csv')
        Set-Content (Join-Path $folder 'keys.txt') @($keys.Relay, '', $keys.Unlimited)

        # The fake "openai" host plays api.openai.com (Start-FakeBillingServer registers it in OPENAIBILLING_OPENAI_HOSTS).
        $env:OPENAI_BASE_URL = $server.OpenAI
        $env:OPENAI_ADMIN_KEY = $keys.Admin
        $env:OPENAI_API_KEY = $keys.Session

        $prelude = @'
param($Secrets)
function Get-Secret { param([Parameter(Mandatory, Position = 0)][string] $Name) ConvertTo-SecureString (Get-AutomationVariable $Name) -AsPlainText -Force }
function Get-AutomationPSCredential { param([Parameter(Mandatory)][string] $Name) [pscredential]::new($Name, (ConvertTo-SecureString (Get-AutomationVariable $Name) -AsPlainText -Force)) }
function Get-AutomationVariable {
    param([Parameter(Mandatory, Position = 0)][string] $Name)
    if (-not $Secrets.ContainsKey($Name)) { throw "The examples may only use the secrets $($Secrets.Keys -join ', '), not '$Name'." }
    $Secrets[$Name]
}
'@
    }
    AfterAll {
        $server | Stop-FakeBillingServer
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
    }

    It '<Cmdlet> example <Number> runs and writes output: <Title>' -ForEach $examples {
        # The documentation hosts become the fake server's; anything else that would leave the machine fails the test.
        $code = $Code.Replace('https://api.openai.com', $server.OpenAI).Replace('https://relay.example.com', $server.Relay)
        [regex]::Matches($code, 'https?://[^/\s''"]+') | Where-Object Value -NotMatch '^http://127\.0\.0\.1:\d+$' | Should -BeNullOrEmpty

        # A fresh runspace per example: its own $PSDefaultParameterValues, functions and current folder.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        try {
            $runspace.SessionStateProxy.Path.SetLocation($folder) | Out-Null
            $shell = [powershell]::Create()
            $shell.Runspace = $runspace
            $null = $shell.AddScript("Import-Module '$($root -replace "'", "''")/OpenAIBilling.psd1'").AddStatement()
            $null = $shell.AddScript($prelude).AddArgument($secrets).AddStatement()
            $null = $shell.AddScript($code)
            $output = $shell.Invoke()
            @($shell.Streams.Error | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
            $output.Count | Should -BeGreaterThan 0
        }
        finally {
            $runspace.Dispose()
        }
    }
}

Describe 'Build-MamlHelp' {
    BeforeAll {
        Import-Module (Join-Path $root 'build/HelpBuilder.psm1') -Force
        # A copy of the built module and its help sources, so that the sources can be broken without touching the real ones.
        $copy = Join-Path ([IO.Path]::GetTempPath()) ('help-builder-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $copy
        Copy-Item (Join-Path $root 'OpenAIBilling.psd1') $copy
        Copy-Item -Recurse (Join-Path $root 'bin') (Join-Path $copy 'bin')
        Copy-Item -Recurse (Join-Path $root 'module') (Join-Path $copy 'module')
        $source = Join-Path $copy 'module/help/Get-OpenAIBalance.psd1'
        $maml = Join-Path $copy 'module/en-US/OpenAIBilling.dll-Help.xml'
        $original = Get-Content -Raw $source
    }
    AfterEach { [IO.File]::WriteAllText($source, $original) }
    AfterAll { Remove-Item -Recurse -Force $copy -ErrorAction SilentlyContinue }

    It 'writes the MAML from intact sources' {
        Build-MamlHelp -Root $copy -Path $maml
        [xml] $written = Get-Content -Raw $maml
        $written.helpItems.command.details.name | Should -Be @(Get-Command -Module OpenAIBilling -CommandType Cmdlet | Sort-Object Name).Name
    }

    It 'fails when a parameter has no description, or a described parameter does not exist' {
        Set-Content $source ($original -replace '(?m)^(\s+)Source = @\{', '$1Sauce = @{')
        { Build-MamlHelp -Root $copy -Path $maml } | Should -Throw '*-Source has no description*-Sauce is described but the cmdlet has no such parameter*'
    }

    It 'fails when a cmdlet has fewer than two examples' {
        Set-Content $source ($original -replace "(?s)    Examples    = @\(.*\)\s*\}\s*$", "    Examples    = @(@{ Title = 'one'; Code = 'Get-OpenAIBalance'; Remarks = 'only' })`n}")
        { Build-MamlHelp -Root $copy -Path $maml } | Should -Throw '*1 example(s); at least 2 are needed*'
    }
}
