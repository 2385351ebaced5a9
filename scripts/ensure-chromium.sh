#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing (the end-to-end tests and benchmarks drive it with
# playwright-core; Playwright's own browser download cannot run here), and a CJK font so that Chinese renders
# in screenshots instead of empty boxes, and the language packs so the browser can run in Chinese.
set -euo pipefail
need=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } && ! command -v chromium >/dev/null 2>&1; then
  need+=(chromium)
fi
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; }; then
  need+=(fonts-wqy-microhei)
fi
# Chromium's language packs: without them the browser runs in en-US whatever LANGUAGE says, and
# browser.i18n (the Seller Central card) can never be seen in Chinese.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -e /usr/lib/chromium/locales/zh-CN.pak ]; then
  need+=(chromium-l10n)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}…" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
