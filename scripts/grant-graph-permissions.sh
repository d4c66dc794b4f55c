#!/usr/bin/env bash
# Grants the bot's managed identity the Microsoft Graph application permissions Trygg needs, and no more.
# Run once per environment, after `azd up`, signed in with `az login` as someone who may grant tenant-wide
# admin consent (Privileged Role Administrator or Global Administrator). Safe to run again: permissions the
# identity already has are left alone.
#
#   scripts/grant-graph-permissions.sh [--principal-id ID] [--with-catalog-lookup] [--dry-run]
#
#   --principal-id ID      object id of the managed identity's service principal; default $BOT_PRINCIPAL_ID,
#                          else `azd env get-value BOT_PRINCIPAL_ID`
#   --with-catalog-lookup  also grant AppCatalog.Read.All, only needed while Graph:TeamsAppId is not set (the bot
#                          then looks its catalog id up by the manifest id)
#   --dry-run              print what would be granted, change nothing
#
# What each permission is for (application permissions: the bot acts as itself, no member signs in):
#   User.Read.All          find a member or security officer by object id or user principal name, to reach
#                          them and show their name; the least privileged application permission for reading
#                          another user's profile (Directory.Read.All would also read groups, devices, apps).
#   GroupMember.Read.All   list who is in a group (a party's or a body's group), without reading the groups'
#                          other properties or content (unlike Group.Read.All / Directory.Read.All).
#   TeamsAppInstallation.ReadWriteSelfForUser.All
#                          install Trygg itself in a security officer's personal scope, so the bot can open a
#                          1:1 chat to deliver a report; "Self" means this app only: the bot cannot install,
#                          read or remove any other app (unlike TeamsAppInstallation.ReadWriteForUser.All).
set -euo pipefail

principal_id="${BOT_PRINCIPAL_ID:-}"
with_catalog=false
dry_run=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --principal-id) principal_id="$2"; shift 2 ;;
    --with-catalog-lookup) with_catalog=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "[trygg] unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

command -v az >/dev/null 2>&1 || { echo "[trygg] the Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli" >&2; exit 1; }
if [[ -z "$principal_id" ]] && command -v azd >/dev/null 2>&1; then
  principal_id="$(azd env get-value BOT_PRINCIPAL_ID 2>/dev/null || true)"
fi
if [[ ! "$principal_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "[trygg] the managed identity's principal id is missing or not a GUID: pass --principal-id or set BOT_PRINCIPAL_ID (an output of azd up)" >&2
  exit 1
fi

permissions=(User.Read.All GroupMember.Read.All TeamsAppInstallation.ReadWriteSelfForUser.All)
if [[ "$with_catalog" == true ]]; then
  permissions+=(AppCatalog.Read.All)
fi

graph_app_id="00000003-0000-0000-c000-000000000000" # Microsoft Graph, the same in every tenant
graph_url="$(az cloud show --query endpoints.microsoftGraphResourceId -o tsv 2>/dev/null || true)"
graph_url="${graph_url:-https://graph.microsoft.com/}"
graph_url="${graph_url%/}"

graph_sp="$(az ad sp show --id "$graph_app_id" --query id -o tsv)"
granted="$(az rest --method GET --uri "$graph_url/v1.0/servicePrincipals/$principal_id/appRoleAssignments" --query "value[?resourceId=='$graph_sp'].appRoleId" -o tsv)"

for permission in "${permissions[@]}"; do
  role_id="$(az ad sp show --id "$graph_app_id" --query "appRoles[?value=='$permission' && contains(allowedMemberTypes, 'Application')].id | [0]" -o tsv)"
  if [[ -z "$role_id" ]]; then
    echo "[trygg] Microsoft Graph has no application permission named $permission" >&2
    exit 1
  fi
  if grep -qx "$role_id" <<<"$granted"; then
    echo "[trygg] $permission: already granted"
    continue
  fi
  if [[ "$dry_run" == true ]]; then
    echo "[trygg] $permission: would grant (app role $role_id)"
    continue
  fi
  az rest --method POST --uri "$graph_url/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$role_id\"}" >/dev/null
  echo "[trygg] $permission: granted"
done
