#!/usr/bin/env bash
# Builds MarrowScope's macOS disk image (DMG) with jpackage. Run on macOS with a JDK 25, after
# `./mvnw -DskipTests -Dpytorch.classifier=osx-aarch64 package` (or osx-x86_64) so the PyTorch natives
# match the Mac, and with OpenSlide from Homebrew (`brew install openslide`).
# Not built in CI (Linux only); kept in step with installer/build-linux.sh. Signing and notarisation
# need an Apple Developer ID: pass --mac-sign --mac-signing-key-user-name "..." when you have one.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:?set JAVA_HOME to a JDK 25}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp target/marrowscope/lib/*.jar "$out/input/"
cp -R models "$out/input/models"
"$JAVA_HOME/bin/jlink" --add-modules "$(paste -sd, installer/linux/modules.txt)" --strip-debug \
  --no-header-files --no-man-pages --compress zip-6 --output "$out/runtime"
assoc=()
for f in installer/linux/associations/*.properties; do assoc+=(--file-associations "$f"); done
"$JAVA_HOME/bin/jpackage" --type dmg --dest "$out" --name MarrowScope --app-version "${version%-SNAPSHOT}" \
  --vendor MarrowScope --description "Decision support for bone marrow aspirate whole-slide images" \
  --input "$out/input" --main-jar "marrowscope-$version.jar" --main-class org.marrowscope.launcher.Main \
  --runtime-image "$out/runtime" --java-options '--enable-native-access=ALL-UNNAMED' \
  --java-options '-Dmarrowscope.home=$APPDIR' --java-options '-Dai.djl.offline=true' --java-options '-Xmx4g' \
  --icon icons/marrowscope.icns --mac-package-identifier org.marrowscope.app --mac-package-name MarrowScope \
  --mac-app-category public.app-category.medical "${assoc[@]}"
