#!/usr/bin/env bash
# Builds MarrowScope's Linux packages with jpackage (JDK 25):
#   installer/build-linux.sh            app image in target/installer/MarrowScope/
#   installer/build-linux.sh --deb      also a Debian package in target/installer/
# The package carries a jlink-trimmed Java runtime, JavaFX, the PyTorch CPU natives, the demo models,
# the icon, a desktop entry with file associations for slide formats, and the `marrowscope` command.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BIN=$JAVA_HOME/bin
want_deb=false
for arg in "$@"; do
  case "$arg" in
    --deb) want_deb=true ;;
    *) echo "usage: $0 [--deb]" >&2; exit 2 ;;
  esac
done

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
app_version=${version%-SNAPSHOT}
dist=target/marrowscope
if [ ! -f "$dist/lib/marrowscope-$version.jar" ]; then
  ./mvnw -B -q -DskipTests package
fi

out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp "$dist"/lib/*.jar "$out/input/"
mkdir -p "$out/input/models"
[ -d models ] && cp -r models/. "$out/input/models/"

echo "jlink: trimmed runtime"
"$BIN/jlink" --add-modules "$(paste -sd, installer/linux/modules.txt)" --strip-debug --no-header-files \
  --no-man-pages --compress zip-6 --output "$out/runtime"

icon_args=()
[ -f icons/marrowscope-256.png ] && icon_args=(--icon icons/marrowscope-256.png)

# $APPDIR is jpackage's macro for the folder holding the jars (and here the models).
java_options=(--java-options '--enable-native-access=ALL-UNNAMED'
  --java-options '-Dmarrowscope.home=$APPDIR'
  --java-options '-Dai.djl.offline=true'
  --java-options '-Xmx4g')

common=(--name MarrowScope --app-version "$app_version" --vendor "MarrowScope"
  --description "Decision support for bone marrow aspirate whole-slide images"
  --copyright "Apache License 2.0" --input "$out/input" --main-jar "marrowscope-$version.jar"
  --main-class org.marrowscope.launcher.Main --runtime-image "$out/runtime" "${java_options[@]}" "${icon_args[@]}"
  --add-launcher marrowscope=installer/linux/marrowscope-cli.properties)

echo "jpackage: app image"
"$BIN/jpackage" --type app-image --dest "$out" "${common[@]}"
echo "app image: $out/MarrowScope ($(du -sh "$out/MarrowScope" | cut -f1))"

if $want_deb; then
  assoc=()
  for f in installer/linux/associations/*.properties; do assoc+=(--file-associations "$f"); done
  echo "jpackage: Debian package"
  "$BIN/jpackage" --type deb --dest "$out" --app-image "$out/MarrowScope" --name MarrowScope \
    --app-version "$app_version" --vendor "MarrowScope" \
    --description "Decision support for bone marrow aspirate whole-slide images" \
    --linux-package-name marrowscope --linux-deb-maintainer "maintainers@marrowscope.invalid" \
    --linux-menu-group "Science;MedicalSoftware" --linux-app-category science --linux-shortcut \
    --linux-package-deps "libopenslide0, libgtk-3-0, libgl1, libxxf86vm1" \
    --resource-dir installer/linux/resources "${assoc[@]}" "${icon_args[@]}"
  ls -la "$out"/*.deb
fi
