package org.tidings.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version from the jar manifest. */
public final class Version implements IVersionProvider {
    public static final String HOME_PAGE = "https://github.com/tidings-reader/tidings";

    public static String version() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tidings " + version(), HOME_PAGE};
    }
}
