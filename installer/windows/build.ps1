# Builds MarrowScope's Windows installer (MSI) with jpackage. Run on Windows with a JDK 25 and the WiX
# Toolset 3.x on the PATH (jpackage needs candle.exe/light.exe), after `mvnw.cmd -DskipTests package`.
# Not built in CI (Linux only); kept in step with installer/build-linux.sh.
# Note: the PyTorch natives jar in target\marrowscope\lib is the Linux one; for Windows, build with
#   mvnw.cmd -DskipTests -Dpytorch.classifier=win-x86_64 package
# and OpenSlide's Windows binaries (openslide-bin) must sit beside the app or on the PATH.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$jdk = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { throw "Set JAVA_HOME to a JDK 25" }
$version = ([xml](Get-Content pom.xml)).project.version
$appVersion = $version -replace "-SNAPSHOT", ""
$out = "target\installer"
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$out\input" | Out-Null
Copy-Item target\marrowscope\lib\*.jar "$out\input"
Copy-Item -Recurse models "$out\input\models"
$modules = (Get-Content installer\linux\modules.txt) -join ","
& "$jdk\bin\jlink" --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress zip-6 --output "$out\runtime"
$assoc = Get-ChildItem installer\linux\associations\*.properties | ForEach-Object { "--file-associations", $_.FullName }
& "$jdk\bin\jpackage" --type msi --dest $out --name MarrowScope --app-version $appVersion --vendor MarrowScope `
  --description "Decision support for bone marrow aspirate whole-slide images" `
  --input "$out\input" --main-jar "marrowscope-$version.jar" --main-class org.marrowscope.launcher.Main `
  --runtime-image "$out\runtime" --java-options "--enable-native-access=ALL-UNNAMED" `
  --java-options '-Dmarrowscope.home=$APPDIR' --java-options "-Dai.djl.offline=true" --java-options "-Xmx4g" `
  --icon icons\marrowscope.ico --win-menu --win-menu-group MarrowScope --win-shortcut --win-dir-chooser `
  --win-per-user-install --add-launcher marrowscope=installer\windows\marrowscope-cli.properties @assoc
