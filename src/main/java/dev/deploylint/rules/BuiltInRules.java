package dev.deploylint.rules;

import dev.deploylint.lint.Rule;
import dev.deploylint.rules.buildpacks.AppJsonInvalid;
import dev.deploylint.rules.buildpacks.BowerBuildpack;
import dev.deploylint.rules.buildpacks.BuildpackDetectFails;
import dev.deploylint.rules.buildpacks.BuildpacksFileShorthand;
import dev.deploylint.rules.buildpacks.BuildpacksOutOfOrder;
import dev.deploylint.rules.buildpacks.HerokuYmlIncomplete;
import dev.deploylint.rules.buildpacks.LegacyBuildpacksFile;
import dev.deploylint.rules.buildpacks.NodejsAutodetected;
import dev.deploylint.rules.buildpacks.PythonBuildpackDuplicated;
import dev.deploylint.rules.buildpacks.RetiredDynoOrPlan;
import dev.deploylint.rules.buildpacks.SlugignoreNegation;
import dev.deploylint.rules.buildpacks.SlugignoreRemovesRequiredFile;
import dev.deploylint.rules.buildpacks.StackEndOfLife;
import dev.deploylint.rules.config.FileMalformed;
import dev.deploylint.rules.config.FileUnreadable;
import dev.deploylint.rules.config.PythonSyntaxError;
import dev.deploylint.rules.config.SuppressionInvalid;
import dev.deploylint.rules.database.DatabaseUrlNotUsed;
import dev.deploylint.rules.database.PersistentConnectionsOff;
import dev.deploylint.rules.dependencies.DjangoHerokuInUse;
import dev.deploylint.rules.dependencies.KnownBrokenPackage;
import dev.deploylint.rules.dependencies.LockWithoutProjectFile;
import dev.deploylint.rules.dependencies.MultiplePackageManagers;
import dev.deploylint.rules.django.ConfigVarRequired;
import dev.deploylint.rules.django.SettingsModuleMissing;
import dev.deploylint.rules.dependencies.PackageManagerMissing;
import dev.deploylint.rules.dependencies.PipfileLockMissing;
import dev.deploylint.rules.dependencies.UnmaintainedHerokuHelper;
import dev.deploylint.rules.dependencies.VirtualenvCommitted;
import dev.deploylint.rules.dependencies.WebServerNotInstalled;
import dev.deploylint.rules.procfile.AsgiModuleUnderWsgiWorker;
import dev.deploylint.rules.procfile.BuildStepInWebProcess;
import dev.deploylint.rules.procfile.GunicornLogFileRedundant;
import dev.deploylint.rules.procfile.ProcfileCrlf;
import dev.deploylint.rules.procfile.ProcfileDuplicateProcess;
import dev.deploylint.rules.procfile.ProcfileLineInvalid;
import dev.deploylint.rules.procfile.ProcfileMisnamed;
import dev.deploylint.rules.procfile.ProcfileMissing;
import dev.deploylint.rules.procfile.ProcfileProcessNameNonportable;
import dev.deploylint.rules.procfile.RunserverInProcfile;
import dev.deploylint.rules.procfile.WebPortNotBound;
import dev.deploylint.rules.procfile.WebProcessMissing;
import dev.deploylint.rules.procfile.WsgiModuleMissing;
import dev.deploylint.rules.runtime.DjangoPythonIncompatible;
import dev.deploylint.rules.runtime.PythonPatchOutdated;
import dev.deploylint.rules.runtime.PythonVersionDeprecated;
import dev.deploylint.rules.runtime.PythonVersionEndOfLife;
import dev.deploylint.rules.runtime.PythonVersionFileMisspelled;
import dev.deploylint.rules.runtime.PythonVersionFilesDisagree;
import dev.deploylint.rules.runtime.PythonVersionInvalid;
import dev.deploylint.rules.runtime.PythonVersionMissing;
import dev.deploylint.rules.runtime.PythonVersionOnlyInSubfolder;
import dev.deploylint.rules.runtime.PythonVersionUnknown;
import dev.deploylint.rules.runtime.RuntimeTxtDeprecated;
import dev.deploylint.rules.staticfiles.StaticRootMissing;
import dev.deploylint.rules.staticfiles.StaticUrlMissing;
import dev.deploylint.rules.staticfiles.StaticfilesAppMissing;
import dev.deploylint.rules.staticfiles.StaticfilesDirMissing;
import dev.deploylint.rules.staticfiles.WhitenoiseDjangoModuleRemoved;
import dev.deploylint.rules.staticfiles.WhitenoiseNotConfigured;
import java.util.List;

/** Every rule deploylint ships: the one list. */
public final class BuiltInRules {

    public static final List<Rule> ALL = List.of(
            new ProcfileMissing(),
            new ProcfileMisnamed(),
            new ProcfileLineInvalid(),
            new WebProcessMissing(),
            new WsgiModuleMissing(),
            new RunserverInProcfile(),
            new ProcfileProcessNameNonportable(),
            new ProcfileDuplicateProcess(),
            new ProcfileCrlf(),
            new WebPortNotBound(),
            new AsgiModuleUnderWsgiWorker(),
            new BuildStepInWebProcess(),
            new GunicornLogFileRedundant(),
            new PackageManagerMissing(),
            new WebServerNotInstalled(),
            new MultiplePackageManagers(),
            new PipfileLockMissing(),
            new LockWithoutProjectFile(),
            new VirtualenvCommitted(),
            new KnownBrokenPackage(),
            new DjangoHerokuInUse(),
            new UnmaintainedHerokuHelper(),
            new PythonVersionInvalid(),
            new PythonVersionEndOfLife(),
            new PythonVersionUnknown(),
            new PythonVersionDeprecated(),
            new RuntimeTxtDeprecated(),
            new PythonVersionMissing(),
            new PythonVersionFileMisspelled(),
            new PythonVersionFilesDisagree(),
            new PythonPatchOutdated(),
            new DjangoPythonIncompatible(),
            new PythonVersionOnlyInSubfolder(),
            new StaticRootMissing(),
            new StaticUrlMissing(),
            new StaticfilesDirMissing(),
            new WhitenoiseNotConfigured(),
            new WhitenoiseDjangoModuleRemoved(),
            new StaticfilesAppMissing(),
            new DatabaseUrlNotUsed(),
            new PersistentConnectionsOff(),
            new SettingsModuleMissing(),
            new ConfigVarRequired(),
            new BuildpacksOutOfOrder(),
            new NodejsAutodetected(),
            new PythonBuildpackDuplicated(),
            new BuildpackDetectFails(),
            new LegacyBuildpacksFile(),
            new BuildpacksFileShorthand(),
            new BowerBuildpack(),
            new AppJsonInvalid(),
            new RetiredDynoOrPlan(),
            new StackEndOfLife(),
            new SlugignoreRemovesRequiredFile(),
            new SlugignoreNegation(),
            new HerokuYmlIncomplete(),
            new FileUnreadable(),
            new FileMalformed(),
            new PythonSyntaxError(),
            new SuppressionInvalid());

    private BuiltInRules() {
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }
}
