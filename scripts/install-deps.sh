#!/usr/bin/env bash
# Installs what building and testing ratingsd needs and a fresh Debian machine with Swift lacks:
# the C libraries (libcurl with OpenSSL, SQLite) and the Python packages the contract checks use.
# Installs nothing that is already there, so it is cheap to run before every build.
set -euo pipefail

packages=(libcurl4-openssl-dev libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_modules=(openapi_spec_validator jsonschema yaml)
python_packages=(openapi-spec-validator jsonschema PyYAML)
for i in "${!python_modules[@]}"; do
    if ! python3 -c "import ${python_modules[$i]}" 2>/dev/null; then
        echo "install-deps: installing ${python_packages[$i]} from PyPI"
        python3 -m pip install -q "${python_packages[$i]}"
    fi
done
