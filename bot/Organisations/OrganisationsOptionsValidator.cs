using Microsoft.Extensions.Options;

namespace Trygg.Organisations;

/// <summary>Refuses to start without a folder of organisation profiles (when they come from files), naming the setting.</summary>
internal sealed class OrganisationsOptionsValidator : IValidateOptions<OrganisationsOptions>
{
    private const string PathKey = OrganisationsOptions.Section + ":" + nameof(OrganisationsOptions.Path);

    public ValidateOptionsResult Validate(string? name, OrganisationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{PathKey} is empty: set it to the folder holding the organisation profiles (*.json), or leave it out to use {OrganisationsOptions.DefaultPath}.");
        }

        if (options.RoleRefresh < TimeSpan.FromSeconds(10))
        {
            return ValidateOptionsResult.Fail($"{OrganisationsOptions.Section}:{nameof(OrganisationsOptions.RoleRefresh)} is {options.RoleRefresh}: use at least 00:00:10 (the default is 00:05:00).");
        }

        return options.Source != ProfileSourceKind.Files || Directory.Exists(options.ResolvedPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PathKey} is '{options.Path}', but there is no such folder ({options.ResolvedPath}). It must hold the organisation profiles (*.json).");
    }
}
