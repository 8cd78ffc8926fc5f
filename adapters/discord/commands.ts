import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../src/index.js';

export const ASK_COMMAND = 'ask';
export const QUESTION_OPTION = 'question';
export const PRIVATE_OPTION = 'private';
/** Longest question accepted from the slash command (the core's own limit). */
export const MAX_QUESTION_LENGTH = MAX_QUESTION_CHARS;

/** `/ask question:<string> private:<bool>` */
export const askCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = new SlashCommandBuilder()
  .setName(ASK_COMMAND)
  .setDescription("Ask about France's digital-diplomacy documents; answers quote them verbatim.")
  // Usable in servers and in DMs with the bot (installed to a server).
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDescriptionLocalizations({
    fr: 'Interroger les documents de diplomatie numérique de la France ; réponses citées mot pour mot.',
  })
  .addStringOption((option) =>
    option
      .setName(QUESTION_OPTION)
      .setDescription('Your question, in French or English')
      .setDescriptionLocalizations({ fr: 'Votre question, en français ou en anglais' })
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addBooleanOption((option) =>
    option
      .setName(PRIVATE_OPTION)
      .setDescription('Only you see the answer')
      .setDescriptionLocalizations({ fr: 'Vous seul voyez la réponse' })
      .setRequired(false),
  )
  .toJSON();

/** Everything `deploy-commands` registers. */
export const commands: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [askCommand];
