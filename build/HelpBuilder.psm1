# Builds OpenAIBilling.dll-Help.xml (MAML) from two sources of truth: the cmdlets' real parameters,
# read from the built module in a child shell, and the text in module/help/<Cmdlet>.psd1 (+ CommonParameters.psd1).
# Fails when the two disagree: a parameter without a description, a description of a parameter that does not exist,
# outputs other than the cmdlet's [OutputType], a cmdlet without synopsis, description or two examples.
Set-StrictMode -Version Latest

$script:Namespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}
$script:HelpKeys = 'Synopsis', 'Description', 'Parameters', 'Inputs', 'Outputs', 'Notes', 'Links', 'Examples'

# Runs in the child shell: imports the built module and returns, as JSON, what PowerShell itself knows of each cmdlet.
# Defaults are read from a fresh instance of the cmdlet class; null, empty arrays and zero values mean "none".
$script:ReadCommands = {
    param([string] $Manifest)
    $ErrorActionPreference = 'Stop'
    $module = Import-Module $Manifest -PassThru
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
        $instance = [Activator]::CreateInstance($command.ImplementingType)
        $sets = @($command.ParameterSets | Where-Object IsDefault) + @($command.ParameterSets | Where-Object { -not $_.IsDefault })
        # Positional parameters first (as Get-Help shows them), then the rest in declaration order: the cmdlet's own,
        # then those of its base classes.
        $index = 0
        $names = @($sets.Parameters.Name | Where-Object { $_ -notin $common } | Select-Object -Unique |
                ForEach-Object { [pscustomobject]@{ Name = $_; Index = $index++; Position = @($sets.Parameters | Where-Object Name -EQ $_)[0].Position } } |
                Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, Index |
                ForEach-Object Name)
        $parameters = foreach ($name in $names) {
            $metadata = $command.Parameters[$name]
            $type = $metadata.ParameterType
            $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
            $value = $instance.$name
            $isNone = $null -eq $value -or ($value -is [array] -and $value.Count -eq 0) -or
                ($type.IsValueType -and -not $type.IsEnum -and $type -ne [switch] -and $value -eq [Activator]::CreateInstance($type))
            $range = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
            [ordered]@{
                Name       = $name
                Type       = $type.Name
                FullType   = $type.FullName
                IsSwitch   = $type -eq [switch]
                EnumValues = @(if ($element.IsEnum) { [Enum]::GetNames($element) })
                Range      = if ($range) { "$($range.MinRange) to $($range.MaxRange)" }
                Default    = if ($isNone) { $null } else { "$value" }
                Aliases    = @($metadata.Aliases)
            }
        }
        [ordered]@{
            Name       = $command.Name
            Verb       = $command.Verb
            Noun       = $command.Noun
            OutputType = @($command.OutputType.Name)
            Parameters = @($parameters)
            Sets       = @(foreach ($set in $sets) {
                    [ordered]@{
                        Name       = $set.Name
                        Parameters = @(foreach ($p in $set.Parameters | Where-Object Name -NotIn $common) {
                                [ordered]@{
                                    Name           = $p.Name
                                    Mandatory      = $p.IsMandatory
                                    Position       = $p.Position
                                    ByValue        = $p.ValueFromPipeline
                                    ByPropertyName = $p.ValueFromPipelineByPropertyName
                                }
                            })
                    }
                })
        }
        $instance.Dispose()
    }
    ConvertTo-Json -InputObject @($commands) -Depth 8 -Compress
}

function Get-CommandFacts {
    param([string] $Root)
    Import-Module (Join-Path $PSScriptRoot 'BuildTools.psm1') -Verbose:$false
    $pwsh = Get-PwshCommand
    $manifest = (Join-Path $Root 'OpenAIBilling.psd1') -replace "'", "''"
    $command = "& { $($script:ReadCommands) } -Manifest '$manifest'"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
    $json = & $pwsh[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlets from $manifest failed (exit code $LASTEXITCODE)." }
    return ($json | Out-String | ConvertFrom-Json)
}

function Read-HelpText {
    # The psd1 text of one cmdlet, with the common parameters merged in, checked against the cmdlet's facts.
    param($Command, [string] $HelpRoot, [hashtable] $Common)
    $path = Join-Path $HelpRoot "$($Command.Name).psd1"
    if (-not (Test-Path $path)) { throw "$($Command.Name) has no help source ($path)." }
    $help = Import-PowerShellDataFile $path
    $problems = [Collections.Generic.List[string]]::new()
    foreach ($key in $help.Keys | Where-Object { $_ -notin $script:HelpKeys }) { $problems.Add("unknown key '$key'") }
    foreach ($key in 'Synopsis', 'Description', 'Outputs') {
        if (-not $help[$key]) { $problems.Add("no $key") }
    }
    $examples = @($help['Examples'])
    if ($examples.Count -lt 2) { $problems.Add("$($examples.Count) example(s); at least 2 are needed") }
    foreach ($example in $examples) {
        foreach ($key in 'Title', 'Code', 'Remarks') {
            if (-not $example[$key]) { $problems.Add("an example without $key") }
        }
    }

    $parameters = @{}
    foreach ($source in $Common, $help['Parameters']) {
        if ($source) { foreach ($name in $source.Keys) { $parameters[$name] = $source[$name] } }
    }
    $actual = @($Command.Parameters.Name)
    foreach ($name in $actual | Where-Object { -not $parameters.ContainsKey($_) -or -not $parameters[$_].Description }) {
        $problems.Add("-$name has no description")
    }
    foreach ($name in $parameters.Keys | Where-Object { $_ -notin $actual }) {
        $problems.Add("-$name is described but the cmdlet has no such parameter")
    }
    $outputs = @($help['Outputs'] | ForEach-Object { $_.Type })
    if (Compare-Object @($outputs) @($Command.OutputType)) {
        $problems.Add("Outputs name $($outputs -join ', ') but [OutputType] says $($Command.OutputType -join ', ')")
    }
    if ($problems.Count -gt 0) { throw "Help for $($Command.Name) ($path): $($problems -join '; ')." }
    $help['Parameters'] = $parameters
    return $help
}

function Write-Element {
    # <prefix:name>text</prefix:name>, or with -Content a script block writing the children. The script block runs
    # in this function's scope, so the parameters have names no caller uses.
    param(
        [Xml.XmlWriter] $Writer,
        [string] $ElementName,
        [string] $ElementText,
        [Alias('Content')][scriptblock] $ElementContent,
        [Alias('Attributes')][hashtable] $ElementAttributes = @{}
    )
    $prefix, $local = $ElementName -split ':'
    $Writer.WriteStartElement($prefix, $local, $script:Namespaces[$prefix])
    foreach ($attribute in $ElementAttributes.GetEnumerator() | Sort-Object Key) { $Writer.WriteAttributeString($attribute.Key, $attribute.Value) }
    if ($ElementContent) { & $ElementContent } else { $Writer.WriteString($ElementText) }
    $Writer.WriteEndElement()
}

function Write-Paragraphs {
    param([Xml.XmlWriter] $Writer, [string] $Name, [string[]] $Paragraphs)
    Write-Element $Writer $Name -Content { foreach ($text in $Paragraphs) { Write-Element $Writer 'maml:para' $text } }
}

function Get-PipelineInput {
    param($Uses)
    $kinds = @(if ($Uses | Where-Object ByValue) { 'ByValue' }) + @(if ($Uses | Where-Object ByPropertyName) { 'ByPropertyName' })
    if ($kinds) { return "True ($($kinds -join ', '))" }
    return 'False'
}

function Write-Parameter {
    # One command:parameter. $Uses are its uses in the parameter sets: one in a syntax item, where an enum lists its
    # values; all of them in the parameter list, where the description gains the accepted values, type and default.
    param([Xml.XmlWriter] $Writer, $Parameter, [hashtable] $Text, $Uses, [switch] $InSyntax)
    $positions = @($Uses | ForEach-Object { if ($_.Position -ge 0) { "$($_.Position)" } else { 'named' } } | Select-Object -Unique)
    $attributes = @{
        required       = "$(-not ($Uses | Where-Object { -not $_.Mandatory }))".ToLowerInvariant()
        variableLength = "$($Parameter.FullType.EndsWith('[]'))".ToLowerInvariant()
        globbing       = 'false'
        pipelineInput  = Get-PipelineInput $Uses
        position       = if ($positions.Count -eq 1) { $positions[0] } else { 'named' }
        aliases        = if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }
    }
    Write-Element $Writer 'command:parameter' -Attributes $attributes -Content {
        Write-Element $Writer 'maml:name' $Parameter.Name
        $paragraphs = @($Text.Description)
        if (-not $InSyntax -and $Parameter.EnumValues) { $paragraphs += "Accepted values: $($Parameter.EnumValues -join ', ')." }
        if (-not $InSyntax -and $Parameter.Range) { $paragraphs += "Accepted values: $($Parameter.Range)." }
        Write-Paragraphs $Writer 'maml:description' $paragraphs
        if ($InSyntax -and $Parameter.IsSwitch) { return }
        $value = @{ required = "$(-not $Parameter.IsSwitch)".ToLowerInvariant(); variableLength = $attributes.variableLength }
        if ($InSyntax -and $Parameter.EnumValues) {
            Write-Element $Writer 'command:parameterValueGroup' -Content {
                foreach ($name in $Parameter.EnumValues) { Write-Element $Writer 'command:parameterValue' $name -Attributes @{ required = 'false'; variableLength = 'false' } }
            }
            return
        }
        Write-Element $Writer 'command:parameterValue' $Parameter.Type -Attributes $value
        if ($InSyntax) { return }
        Write-Element $Writer 'dev:type' -Content { Write-Element $Writer 'maml:name' $Parameter.FullType }
        $default = if ($Text['Default']) { $Text.Default } elseif ($null -ne $Parameter.Default) { $Parameter.Default } else { 'None' }
        Write-Element $Writer 'dev:defaultValue' $default
    }
}

function Write-TypeList {
    param([Xml.XmlWriter] $Writer, [string] $List, [string] $Item, $Entries)
    Write-Element $Writer $List -Content {
        foreach ($entry in $Entries) {
            Write-Element $Writer $Item -Content {
                Write-Element $Writer 'dev:type' -Content { Write-Element $Writer 'maml:name' $entry.Type }
                Write-Paragraphs $Writer 'maml:description' @($entry.Description)
            }
        }
    }
}

function Get-RelatedLinks {
    # RELATED LINKS: about_OpenAIBilling and every other cmdlet the module exports (read from the built module, so a
    # new cmdlet appears everywhere by itself), then the psd1's own Links. No link has a URI: this module has no
    # online help, and Get-Help -Online opens the first URI it finds.
    param($Command, [string[]] $AllCommands, [hashtable] $Help)
    $texts = @('about_OpenAIBilling') + @($AllCommands | Where-Object { $_ -ne $Command.Name }) + @(foreach ($link in @($Help['Links'])) { if ($link) { $link.Text } })
    return @($texts | Select-Object -Unique)
}

function Write-Command {
    param([Xml.XmlWriter] $Writer, $Command, [hashtable] $Help, [string[]] $RelatedLinks)
    $uses = @{}
    foreach ($set in $Command.Sets) { foreach ($use in $set.Parameters) { $uses[$use.Name] += @($use) } }
    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = $parameter }

    Write-Element $Writer 'command:command' -Content {
        foreach ($prefix in $script:Namespaces.Keys) { $Writer.WriteAttributeString('xmlns', $prefix, $null, $script:Namespaces[$prefix]) }
        Write-Element $Writer 'command:details' -Content {
            Write-Element $Writer 'command:name' $Command.Name
            Write-Element $Writer 'command:verb' $Command.Verb
            Write-Element $Writer 'command:noun' $Command.Noun
            Write-Paragraphs $Writer 'maml:description' @($Help.Synopsis)
        }
        Write-Paragraphs $Writer 'maml:description' @($Help.Description)
        Write-Element $Writer 'command:syntax' -Content {
            foreach ($set in $Command.Sets) {
                # Positional first, then mandatory, then the rest in declaration order (as Get-Command -Syntax).
                $index = 0
                $ordered = $set.Parameters | ForEach-Object { [pscustomobject]@{ Use = $_; Index = $index++ } } |
                    Sort-Object { if ($_.Use.Position -ge 0) { $_.Use.Position } else { [int]::MaxValue } }, { -not $_.Use.Mandatory }, Index
                Write-Element $Writer 'command:syntaxItem' -Content {
                    Write-Element $Writer 'maml:name' $Command.Name
                    foreach ($item in $ordered) {
                        Write-Parameter $Writer $byName[$item.Use.Name] $Help.Parameters[$item.Use.Name] @($item.Use) -InSyntax
                    }
                }
            }
        }
        Write-Element $Writer 'command:parameters' -Content {
            foreach ($parameter in $Command.Parameters) {
                Write-Parameter $Writer $parameter $Help.Parameters[$parameter.Name] $uses[$parameter.Name]
            }
        }
        Write-TypeList $Writer 'command:inputTypes' 'command:inputType' $Help['Inputs']
        Write-TypeList $Writer 'command:returnValues' 'command:returnValue' $Help.Outputs
        Write-Element $Writer 'maml:alertSet' -Content { Write-Paragraphs $Writer 'maml:alert' @($Help['Notes']) }
        Write-Element $Writer 'command:examples' -Content {
            $number = 0
            foreach ($example in $Help.Examples) {
                $number++
                Write-Element $Writer 'command:example' -Content {
                    Write-Element $Writer 'maml:title' "--------- Example ${number}: $($example.Title) ---------"
                    Write-Element $Writer 'dev:code' $example.Code.Trim()
                    Write-Paragraphs $Writer 'dev:remarks' @($example.Remarks)
                }
            }
        }
        Write-Element $Writer 'maml:relatedLinks' -Content {
            foreach ($text in $RelatedLinks) {
                Write-Element $Writer 'maml:navigationLink' -Content {
                    Write-Element $Writer 'maml:linkText' $text
                    Write-Element $Writer 'maml:uri' ''
                }
            }
        }
    }
}

function Build-MamlHelp {
    <#
    .SYNOPSIS
        Writes the MAML (-Path; the build's is en-US/OpenAIBilling.dll-Help.xml) from the built module and
        module/help/*.psd1; throws on any gap.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Root, [Parameter(Mandatory)][string] $Path)
    $helpRoot = Join-Path $Root 'module/help'
    $common = Import-PowerShellDataFile (Join-Path $helpRoot 'CommonParameters.psd1')
    $commands = @(Get-CommandFacts -Root $Root)
    $orphans = Get-ChildItem $helpRoot -Filter '*.psd1' | Where-Object { $_.BaseName -ne 'CommonParameters' -and $_.BaseName -notin $commands.Name }
    if ($orphans) { throw "Help sources for cmdlets that do not exist: $($orphans.Name -join ', ')." }
    $helps = @{}
    foreach ($command in $commands) { $helps[$command.Name] = Read-HelpText $command $helpRoot $common }

    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [Text.UTF8Encoding]::new($false); NewLineChars = "`n" }
    $writer = [Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteComment(' Generated by build/HelpBuilder.psm1 from module/help/*.psd1 and the built cmdlets; do not edit. ')
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $commands) {
            $links = Get-RelatedLinks $command @($commands.Name) $helps[$command.Name]
            Write-Command $writer $command $helps[$command.Name] $links
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Write-Verbose "Wrote $Path"
}

Export-ModuleMember -Function Build-MamlHelp
