package io.webconnexkit.maven;

import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate and how: the engine's whole input, so it can be used and tested without
 * Maven. Immutable; build with {@link #builder(Path)}.
 */
public final class FixtureRequest {

  /** The includes used when none are given. */
  public static final List<String> DEFAULT_INCLUDES = List.of("**/*.json", "**/*.jsonl");

  private final Path baseDirectory;
  private final List<Path> fixtures;
  private final List<String> includes;
  private final List<String> excludes;
  private final Profile profile;
  private final SigningSecret secret;
  private final int threads;

  private FixtureRequest(Builder b) {
    this.baseDirectory = b.baseDirectory;
    this.fixtures = List.copyOf(b.fixtures);
    this.includes = b.includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(b.includes);
    this.excludes = List.copyOf(b.excludes);
    this.profile = b.profile;
    this.secret = b.secret;
    this.threads = b.threads;
  }

  /** A request whose relative paths, and the paths that reports print, are relative to {@code baseDirectory}. */
  public static Builder builder(Path baseDirectory) {
    return new Builder(baseDirectory);
  }

  public Path baseDirectory() {
    return baseDirectory;
  }

  /** Folders (searched with the includes and excludes) and single files, absolute. */
  public List<Path> fixtures() {
    return fixtures;
  }

  public List<String> includes() {
    return includes;
  }

  public List<String> excludes() {
    return excludes;
  }

  public Profile profile() {
    return profile;
  }

  /** The signing secret that raw recorded bodies are verified with, if any. */
  public Optional<SigningSecret> secret() {
    return Optional.ofNullable(secret);
  }

  /** How many files are validated at once. */
  public int threads() {
    return threads;
  }

  @Override
  public String toString() {
    // The secret prints as redacted, but say only whether there is one.
    return "FixtureRequest[base=" + baseDirectory + ", fixtures=" + fixtures + ", includes=" + includes
        + ", excludes=" + excludes + ", profile=" + profile.folder() + ", secret=" + (secret != null ? "yes" : "no")
        + ", threads=" + threads + "]";
  }

  /** Builds a {@link FixtureRequest}. */
  public static final class Builder {
    private final Path baseDirectory;
    private final List<Path> fixtures = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private Profile profile = Profile.LENIENT;
    private SigningSecret secret;
    private int threads = 1;

    private Builder(Path baseDirectory) {
      this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
    }

    /** A folder or file; a relative path is taken relative to the base directory. */
    public Builder fixture(Path path) {
      fixtures.add(baseDirectory.resolve(Objects.requireNonNull(path, "path")).normalize());
      return this;
    }

    /** An Ant-style pattern ({@code **}{@code /*.json}) of files to take from folders. */
    public Builder include(String pattern) {
      includes.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /** An Ant-style pattern of files to leave out. */
    public Builder exclude(String pattern) {
      excludes.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    public Builder secret(SigningSecret secret) {
      this.secret = secret;
      return this;
    }

    /** Files validated at once (default 1). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    public FixtureRequest build() {
      return new FixtureRequest(this);
    }
  }
}
