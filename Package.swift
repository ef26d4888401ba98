// swift-tools-version:6.0
import PackageDescription

/// `vault`: a plain-text, git-friendly data vault for the activity evaluation of
/// industrial technology innovation alliances. Foundation and the toolchain only.
let package = Package(
    name: "vault",
    products: [
        .library(name: "VaultKit", targets: ["VaultKit"]),
        .executable(name: "vault", targets: ["vault"]),
    ],
    targets: [
        .target(name: "VaultKit"),
        // The language server (`vault lsp`): JSON-RPC and the protocol, over VaultKit.
        .target(name: "VaultLSP", dependencies: ["VaultKit"]),
        .executableTarget(name: "vault", dependencies: ["VaultKit", "VaultLSP"]),
        .testTarget(
            name: "VaultKitTests",
            dependencies: ["VaultKit", "VaultLSP"],
            // Read through #filePath, so the tests see the files as committed.
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
